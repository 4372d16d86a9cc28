/**
 * Query field names as graph-node derives them with the Inflector 0.11 crate: the singular is
 * the camel case of the type name, the plural runs Inflector's `to_plural` on the type name
 * (case-sensitive rules, tried last to first) and camel-cases it; a plural equal to the singular
 * gets `_collection` appended.
 */
const UNCOUNTABLE = new Set(
  (
    "accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause arithmetic assistance athletics " +
    "bacon baggage beef biology blood botany bread butter carbon cardboard cash chalk chaos chess crossroads countryside " +
    "dancing deer dignity dirt dust economics education electricity engineering enjoyment envy equipment ethics evidence evolution " +
    "fame fiction flour flu food fuel fun furniture gallows garbage garlic genetics gold golf gossip grammar gratitude grief guilt gymnastics " +
    "happiness hardware harm hate hatred health heat help homework honesty honey hospitality housework humour hunger hydrogen " +
    "ice importance inflation information innocence iron irony jam jewelry judo karate knowledge " +
    "lack laughter lava leather leisure lightning linguine linguini linguistics literature litter livestock logic loneliness luck luggage " +
    "macaroni machinery magic management mankind marble mathematics mayonnaise measles methane milk money mud music mumps " +
    "nature news nitrogen nonsense nurture nutrition obedience obesity oxygen pasta patience physics poetry pollution poverty pride psychology publicity punctuation " +
    "quartz racism relaxation reliability research respect revenge rice rubbish rum safety scenery seafood seaside series shame sheep shopping sleep smoke smoking snow soap software soil spaghetti species steam stuff stupidity sunshine symmetry " +
    "tennis thirst thunder timber traffic transportation trust underwear unemployment unity validity veal vegetation vegetarianism vengeance violence vitality " +
    "warmth wealth weather welfare wheat wildlife wisdom yoga zinc zoology"
  ).split(" "),
);

const SPECIAL: Record<string, string> = {
  ox: "oxen",
  man: "men",
  woman: "women",
  die: "dice",
  yes: "yeses",
  foot: "feet",
  eave: "eaves",
  goose: "geese",
  tooth: "teeth",
  quiz: "quizzes",
};

// [pattern, replacement]; `(\w*...)` is group 1, the result is group 1 + replacement.
// Rust's \w is Unicode-aware; these names are ASCII identifiers, so [A-Za-z0-9_] matches the same.
const W = "[A-Za-z0-9_]";
const RULES: [RegExp, string][] = [
  [`(${W}*)s$`, "s"],
  [`(${W}*([^aeiou]ese))$`, ""],
  [`(${W}*(ax|test))is$`, "es"],
  [`(${W}*(alias|[^aou]us|tlas|gas|ris))$`, "es"],
  [`(${W}*(e[mn]u))s?$`, "s"],
  [`(${W}*([^l]ias|[aeiou]las|[emjzr]as|[iu]am))$`, ""],
  [`(${W}*(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$`, "i"],
  [`(${W}*(alumn|alg|vertebr))(?:a|ae)$`, "ae"],
  [`(${W}*(seraph|cherub))(?:im)?$`, "im"],
  [`(${W}*(her|at|gr))o$`, "oes"],
  [
    `(${W}*(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor))(?:a|um)$`,
    "a",
  ],
  [`(${W}*(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))(?:a|on)$`, "a"],
  [`(${W}*)sis$`, "ses"],
  [`(${W}*(kni|wi|li))fe$`, "ves"],
  [`(${W}*(ar|l|ea|eo|oa|hoo))f$`, "ves"],
  [`(${W}*([^aeiouy]|qu))y$`, "ies"],
  [`(${W}*([^ch][ieo][ln]))ey$`, "ies"],
  [`(${W}*(x|ch|ss|sh|zz)es)$`, ""],
  [`(${W}*(x|ch|ss|sh|zz))$`, "es"],
  [`(${W}*(matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$`, "ices"],
  [`(${W}*(m|l)(?:ice|ouse))$`, "ice"],
  [`(${W}*(pe)(?:rson|ople))$`, "ople"],
  [`(${W}*(child))(?:ren)?$`, "ren"],
  [`(${W}*eaux)$`, ""],
].map(([p, r]) => [new RegExp(p as string), r as string]);

export function toPlural(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  const special = SPECIAL[word];
  if (special) return special;
  for (let i = RULES.length - 1; i >= 0; i--) {
    const [re, replacement] = RULES[i]!;
    const m = re.exec(word);
    if (m && m[1] !== undefined) return m[1] + replacement;
  }
  return `${word}s`;
}

/** Inflector's `to_camel_case`: words split at `_`, `-`, spaces and case changes, first word lower-cased. */
export function toCamelCase(name: string): string {
  const words = name
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1 $2")
    .split(/[\s_\-]+/)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
}

export function queryFieldNames(typeName: string): { singular: string; plural: string } {
  const singular = toCamelCase(typeName);
  let plural = toCamelCase(toPlural(typeName));
  if (plural === singular) plural += "_collection";
  return { singular, plural };
}
