/**
 * A miner auctions units of its offering whose sale is open (offering 6, Deepwell): the units are reserved at
 * once; a buyer wins with the reserve; after the end anyone settles, and the winning bid less the channel fee
 * shows up in the offering's escrow (miner desk) while the winner holds a new position of those units.
 * Seed facts: offering 6 active with its sale open for more than 1 hour; Deepwell (MINER_DEEPWELL) its miner;
 * FRESH funded with USDT; the auctions contract holds the exchange's primary-auction role.
 */
import { anvilAddress, FRESH, MINER_DEEPWELL } from "../support/accounts";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { auctionEnd, graph, parseShown, travelTo, untilLive } from "../support/trading";
import { connectDev, switchAccount } from "../support/wallet";

const UNITS = 5n;
const RESERVE = 3_000_000n; // 3 USDT for the 5 units

export const scenario: Scenario = {
  name: "12-primary-auction-into-escrow",
  async run(ctx) {
    const { page, web, rpc, graph: graphUrl, deployment } = ctx;
    const miner = anvilAddress(MINER_DEEPWELL).toLowerCase();
    const before = await graph<{ offering: { totalNet: string; feeBps: number } | null }>(
      graphUrl,
      '{ offering(id: "6") { totalNet feeBps } }',
    );
    if (before.offering === null) throw new Error("the seed has no offering 6");

    await page.goto(`${web}/miner`);
    await connectDev(page, MINER_DEEPWELL);
    const card = page.getByTestId("primary-auction-offering-6");
    await card.waitFor({ timeout: 30_000 });
    await card.getByLabel("Units", { exact: true }).fill(UNITS.toString());
    await card.getByLabel("Reserve (USDT, all units)").fill("3");
    await card.getByLabel("Hours after the first bid").fill("0");
    await card.getByText("Between 1 and 720 hours.").waitFor();
    await card.getByLabel("Hours after the first bid").fill("1");
    await card.getByTestId("primary-auction-submit-6").click();
    await txDone(page, /Auction 5 units of offering #6/);
    await untilLive(page, "reserved-units-6", /Reserved for auctions: [1-9]\d* /);
    const escrowShownBefore = parseShown(await page.getByTestId("escrow-net-6").innerText(), 6);
    await axeCheck(page, "miner desk with a primary auction");
    await dismissToasts(page);

    const { auctions } = await graph<{ auctions: { id: string }[] }>(
      graphUrl,
      `{ auctions(where: { seller: "${miner}", kind: Primary, status: Open, offering: "6" }, orderBy: createdAtTimestamp, orderDirection: desc, first: 1) { id } }`,
    );
    const auctionId = auctions[0]?.id;
    if (auctionId === undefined) throw new Error("the new primary auction is not indexed");

    // A buyer bids the reserve (pre-filled as the minimum next bid): the clock starts.
    await page.goto(`${web}/auctions/${auctionId}`);
    await switchAccount(page, FRESH);
    const bidBox = page.getByLabel(/^Your bid \(USDT\)/);
    await bidBox.waitFor({ timeout: 30_000 });
    if ((await bidBox.inputValue()) !== "3")
      throw new Error(`the bid is not pre-filled with the reserve: ${await bidBox.inputValue()}`);
    const next = page.getByRole("button", { name: /^(Approve 3 USDT|Place bid)$/ });
    await next.first().waitFor({ timeout: 30_000 });
    if ((await next.first().innerText()).startsWith("Approve")) {
      await next.first().click();
      await txDone(page, /Approve 3 USDT for the auctions/);
    }
    await page.getByTestId("bid-button").click();
    await txDone(page, new RegExp(`Bid 3 USDT on auction #${auctionId}`));
    await untilLive(page, "auction-leading", /^3 USDT$/);

    // Past its end, anyone settles: the bid enters offering 6's escrow like a purchase, less the channel fee.
    const end = await auctionEnd(rpc, deployment, BigInt(auctionId));
    await travelTo(page, rpc, end + 5);
    await page.getByTestId("settle-button").click();
    await txDone(page, new RegExp(`Settle auction #${auctionId}`));
    await untilLive(page, "auction-settled", /won for 3 USDT/);
    await shot(page, "12-primary-settled");

    const fee = (RESERVE * BigInt(before.offering.feeBps)) / 10_000n;
    const after = await graph<{ offering: { totalNet: string } }>(graphUrl, '{ offering(id: "6") { totalNet } }');
    const delta = BigInt(after.offering.totalNet) - BigInt(before.offering.totalNet);
    if (delta !== RESERVE - fee) throw new Error(`offering 6's escrow grew by ${delta}, not ${RESERVE - fee}`);
    await page.goto(`${web}/miner`);
    await switchAccount(page, MINER_DEEPWELL);
    const expected = escrowShownBefore + RESERVE - fee;
    const started = Date.now();
    while (parseShown(await page.getByTestId("escrow-net-6").innerText(), 6) < expected) {
      if (Date.now() - started > 60_000)
        throw new Error("the miner desk does not show the auction's proceeds in escrow");
      await page.waitForTimeout(1_000);
    }
    await page.goto(`${web}/portfolio`);
    await switchAccount(page, FRESH);
    await page
      .getByTestId("position-card")
      .filter({ hasText: "#6 Deepwell" })
      .filter({ hasText: `${UNITS} TiB` })
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, "12-winner-portfolio");
  },
};
