import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAbiParameters, keccak256, toHex } from "viem";
import { type GraphHost, startGraphHost } from "../src/index.js";
import {
  type Anvil,
  DEV_KEY,
  FIXTURE_ADDRESS,
  FIXTURE_BUILD,
  blockInfo,
  clients,
  deployFixture,
  gql,
  sendInOneBlock,
  sendTx,
  startAnvil,
} from "./helpers/anvil.js";
import { privateKeyToAccount } from "viem/accounts";
import { freshStore } from "./helpers/store-backend.js";

const USER = "0x00000000000000000000000000000000000000aa";
const DEV = privateKeyToAccount(DEV_KEY).address.toLowerCase();
const TAG1 = `0x${"11".repeat(32)}`;
const TAG2 = `0x${"22".repeat(32)}`;
const JSON1 = '{"id":"p1","name":"alice","n":42,"big":123456789012345678901234567890,"f":1.5}';

let anvil: Anvil;
let host: GraphHost;
const blocks: Record<string, number> = {};
const hashes: Record<string, string> = {};
let probeTx: `0x${string}`;

beforeAll(async () => {
  anvil = await startAnvil();
  await deployFixture(anvil.rpcUrl);
  let s = await sendTx(anvil.rpcUrl, "deposit", [USER, 150n, -5n, "0x0102", "hello", true, TAG1]);
  blocks.first = s.block;
  hashes.first = s.hash;
  s = await sendTx(anvil.rpcUrl, "deposit", [USER, 50n, 7n, "0x", "second", false, TAG2]);
  blocks.second = s.block;
  hashes.second = s.hash;
  // A deposit by the sender and a probe in one block: the probe sees the account via
  // get_in_block and its deposit via loadRelated before anything is committed.
  const together = await sendInOneBlock(anvil.rpcUrl, [
    ["deposit", [DEV, 6n, 0n, "0x", "dev", true, TAG1]],
    ["probe", [10n, 3n, JSON1]],
  ]);
  blocks.probe = together.block;
  probeTx = together.hashes[1]!;
  blocks.child = (await sendTx(anvil.rpcUrl, "createChild", ["kid"])).block;
  blocks.p2 = (await sendTx(anvil.rpcUrl, "probe", [7n, 2n, '{"id":"p2","name":"bob","n":-1,"big":0,"f":0}'])).block;
  blocks.removed = (await sendTx(anvil.rpcUrl, "remove", [USER, "p2"])).block;
  blocks.removedMissing = (await sendTx(anvil.rpcUrl, "remove", [USER, "never-existed"])).block;
  host = await startGraphHost({
    buildDir: FIXTURE_BUILD,
    rpcUrl: anvil.rpcUrl,
    name: "fixture",
    port: 0,
    ...(await freshStore("fixture")),
    logLevel: "warn",
  });
  await host.waitForBlock(blocks.removedMissing, 30_000);
});

afterAll(async () => {
  await host?.stop();
  await anvil?.stop();
});

describe("host imports as the fixture mappings use them", () => {
  it("bigInt, bigDecimal, typeConversion, crypto, json, ethereum.*, dataSource.*, store.get_in_block/loadRelated", async () => {
    const r = await gql<{ probe: Record<string, unknown> }>(
      host.url,
      `{ probe(id: "p1") { id sum diff product quotient remainder orBits andBits power shl shr parsed decimalSum decimalQuotient
        decimalProduct decimalEq decimalParsed decimalText divDecimal keccak hex bigHex text base58 h160 jsonName jsonNumber jsonBig
        jsonFloat jsonTryFailed callDouble callReverted encoded decoded network address inBlockSeen relatedCount txFrom blockHash logIndex
        receiptStatus receiptGasUsed receiptLogs receiptLogTopic0 } }`,
    );
    expect(r.errors).toBeUndefined();
    const { hash } = await blockInfo(anvil.rpcUrl, blocks.probe);
    const { publicClient } = clients(anvil.rpcUrl);
    const receipt = await publicClient.getTransactionReceipt({ hash: probeTx });
    expect(r.data!.probe).toEqual({
      id: "p1",
      sum: "13",
      diff: "7",
      product: "30",
      quotient: "3",
      remainder: "1",
      orBits: "11",
      andBits: "2",
      power: "1000",
      shl: "160",
      shr: "2",
      parsed: "-123456789012345678901234567890",
      decimalSum: "13",
      decimalQuotient: "3.333333333333333333333333333333333",
      decimalProduct: "0.01",
      decimalEq: false,
      // 34 significant digits; negative values are truncated, not rounded (bigdecimal 0.1).
      decimalParsed: "-0.0001234567890123456789012345678901234",
      decimalText: "3.333333333333333333333333333333333",
      divDecimal: "3.333333333333333333333333333333333",
      keccak: keccak256(toHex(JSON1)),
      hex: "0x6869",
      bigHex: "0xa",
      text: "hi",
      base58: "1Ldp",
      h160: "0x000000000000000000000000000000000000dead",
      jsonName: "alice",
      jsonNumber: "42",
      jsonBig: "123456789012345678901234567890",
      jsonFloat: "1.5",
      jsonTryFailed: true,
      callDouble: "20",
      callReverted: true,
      encoded: encodeAbiParameters([{ type: "uint256" }], [10n]),
      decoded: "10",
      network: "anvil",
      address: FIXTURE_ADDRESS.toLowerCase(),
      inBlockSeen: true,
      relatedCount: 1,
      txFrom: DEV,
      blockHash: hash,
      logIndex: "1",
      receiptStatus: "1",
      receiptGasUsed: `${receipt.gasUsed}`,
      receiptLogs: 1,
      receiptLogTopic0: keccak256(toHex("Probed(uint256,uint256,string)")),
    });
  });

  it("store.set merges into the stored entity; event params of every ABI type arrive decoded", async () => {
    const r = await gql<{ account: Record<string, unknown> }>(
      host.url,
      `{ account(id: "${USER}") { id total count lastNote tags kind removed
         deposits(orderBy: blockNumber) { amount delta seq ratio data note flag kind at blockNumber score } } }`,
    );
    expect(r.errors).toBeUndefined();
    const t1 = (await blockInfo(anvil.rpcUrl, blocks.first)).timestamp;
    const t2 = (await blockInfo(anvil.rpcUrl, blocks.second)).timestamp;
    expect(r.data!.account).toEqual({
      id: USER,
      total: "200",
      count: 2,
      lastNote: "second",
      tags: [TAG1, TAG2],
      kind: "Small",
      // handleRemoved saves an Account with only `removed` set: merge keeps every other field.
      removed: true,
      deposits: [
        {
          amount: "150",
          delta: "-5",
          seq: `${blocks.first * 1000}`,
          ratio: "50",
          data: "0x0102",
          note: "hello",
          flag: true,
          kind: "Large",
          at: `${t1 * 1_000_000n}`,
          blockNumber: blocks.first,
          score: "1.5",
        },
        {
          amount: "50",
          delta: "7",
          seq: `${blocks.second * 1000}`,
          ratio: "16.66666666666666666666666666666667",
          data: "0x",
          note: "second",
          flag: false,
          kind: "Small",
          at: `${t2 * 1_000_000n}`,
          blockNumber: blocks.second,
          score: null,
        },
      ],
    });
  });

  it("store.remove deletes (and ignores missing ids); the removed version stays visible in the past", async () => {
    const now = await gql<{ probe: unknown }>(host.url, `{ probe(id: "p2") { id } }`);
    expect(now.data!.probe).toBeNull();
    const before = await gql<{ probe: unknown }>(
      host.url,
      `{ probe(id: "p2", block: { number: ${blocks.p2} }) { id jsonNumber quotient } }`,
    );
    expect(before.data!.probe).toEqual({ id: "p2", jsonNumber: "-1", quotient: "3" });
    const meta = await gql<{ _meta: { hasIndexingErrors: boolean; block: { number: number } } }>(
      host.url,
      `{ _meta { hasIndexingErrors block { number } } }`,
    );
    expect(meta.data!._meta).toEqual({ hasIndexingErrors: false, block: { number: blocks.removedMissing } });
  });

  it("block handlers: `once` at the start block, unfiltered ones at the end of every block after its events", async () => {
    const head = blocks.removedMissing;
    const info = await blockInfo(anvil.rpcUrl, head);
    const r = await gql<{ stats: unknown[] }>(
      host.url,
      `{ stats(orderBy: id) { id count firstBlock lastBlock lastHash } }`,
    );
    expect(r.data!.stats).toEqual([
      { id: "blocks", count: head, firstBlock: "1", lastBlock: `${head}`, lastHash: info.hash },
      { id: "init", count: 1, firstBlock: "1", lastBlock: "1", lastHash: (await blockInfo(anvil.rpcUrl, 1)).hash },
    ]);
    const at = async (n: number) =>
      (
        await gql<{ stat: { depositsInBlock: number; lastBlock: string } }>(
          host.url,
          `{ stat(id: "blocks", block: { number: ${n} }) { depositsInBlock lastBlock } }`,
        )
      ).data!.stat;
    expect(await at(blocks.first)).toEqual({ depositsInBlock: 1, lastBlock: `${blocks.first}` });
    expect(await at(blocks.second)).toEqual({ depositsInBlock: 2, lastBlock: `${blocks.second}` });
    expect(await at(blocks.probe)).toEqual({ depositsInBlock: 0, lastBlock: `${blocks.probe}` });
  });

  it("dataSource.createWithContext: the template indexes the child, including its trigger in the creation block", async () => {
    const r = await gql<{ childs: unknown[] }>(host.url, `{ childs { name pings lastPing label createdAt } }`);
    expect(r.data!.childs).toEqual([
      { name: "kid", pings: 1, lastPing: "7", label: "label:kid", createdAt: `${blocks.child}` },
    ]);
  });
});
