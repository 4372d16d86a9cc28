import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

const passString = (name: string, check: (s: string) => boolean) =>
  new GraphQLScalarType<string, string>({
    name,
    serialize: (v) => String(v),
    parseValue: (v) => {
      const s = typeof v === "number" ? String(v) : v;
      if (typeof s !== "string" || !check(s))
        throw new GraphQLError(`Failed to coerce value \`${JSON.stringify(v)}\` to scalar type \`${name}\``);
      return s;
    },
    parseLiteral: (node: ValueNode) => {
      if (
        (node.kind === Kind.STRING || node.kind === Kind.INT || (node.kind === Kind.FLOAT && name === "BigDecimal")) &&
        check(node.value)
      )
        return node.value;
      throw new GraphQLError(`Failed to coerce value to scalar type \`${name}\``);
    },
  });

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX = /^(0x)?([0-9a-fA-F]{2})*$/;

/** graph-node serialises these as JSON strings; inputs accept strings (and Int literals where numeric). */
export const BigIntScalar = passString("BigInt", (s) => INTEGER.test(s));
export const BigDecimalScalar = passString("BigDecimal", (s) => DECIMAL.test(s));
export const Int8Scalar = passString("Int8", (s) => INTEGER.test(s));
export const TimestampScalar = passString("Timestamp", (s) => INTEGER.test(s));
export const BytesScalar = new GraphQLScalarType<string, string>({
  name: "Bytes",
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== "string" || !HEX.test(v))
      throw new GraphQLError(`Failed to coerce value \`${JSON.stringify(v)}\` to scalar type \`Bytes\``);
    return (v.startsWith("0x") ? v : `0x${v}`).toLowerCase();
  },
  parseLiteral: (node) => {
    if (node.kind === Kind.STRING && HEX.test(node.value))
      return (node.value.startsWith("0x") ? node.value : `0x${node.value}`).toLowerCase();
    throw new GraphQLError("Failed to coerce value to scalar type `Bytes`");
  },
});
