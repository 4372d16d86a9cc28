import { Kind, type ObjectTypeDefinitionNode, type TypeNode, parse } from "graphql";
import { ManifestError } from "./load.js";

export type ScalarName = "ID" | "String" | "Bytes" | "Int" | "Int8" | "BigInt" | "BigDecimal" | "Boolean" | "Timestamp";
const SCALARS = new Set<string>([
  "ID",
  "String",
  "Bytes",
  "Int",
  "Int8",
  "BigInt",
  "BigDecimal",
  "Boolean",
  "Timestamp",
]);

export type FieldBase =
  | { kind: "scalar"; scalar: ScalarName }
  | { kind: "enum"; name: string }
  | { kind: "entity"; name: string };

export interface FieldDef {
  name: string;
  base: FieldBase;
  list: boolean;
  nullable: boolean;
  /** For `[T]` lists: whether elements may be null. */
  elementNullable: boolean;
  /** `@derivedFrom(field:)`: the field of the referenced entity pointing back here. Not stored. */
  derivedFrom: string | undefined;
}

export interface EntityDef {
  name: string;
  immutable: boolean;
  /** Storage type of `id` (and of references to this entity). */
  idType: "String" | "Bytes" | "Int8";
  fields: FieldDef[];
  fieldMap: Map<string, FieldDef>;
  /** Stored (non-derived) fields, `id` first. */
  columns: FieldDef[];
}

export interface SchemaModel {
  entities: Map<string, EntityDef>;
  enums: Map<string, string[]>;
}

function unwrap(type: TypeNode): { named: string; list: boolean; nullable: boolean; elementNullable: boolean } {
  let nullable = true;
  let t = type;
  if (t.kind === Kind.NON_NULL_TYPE) {
    nullable = false;
    t = t.type;
  }
  if (t.kind === Kind.LIST_TYPE) {
    let inner = t.type;
    let elementNullable = true;
    if (inner.kind === Kind.NON_NULL_TYPE) {
      elementNullable = false;
      inner = inner.type;
    }
    if (inner.kind !== Kind.NAMED_TYPE) throw new ManifestError("Validation failed: nested lists are not supported");
    return { named: inner.name.value, list: true, nullable, elementNullable };
  }
  if (t.kind !== Kind.NAMED_TYPE) throw new ManifestError("Validation failed: unexpected type");
  return { named: t.name.value, list: false, nullable, elementNullable: false };
}

/** Reads schema.graphql into the model shared by the store and the GraphQL API. */
export function parseSchema(source: string): SchemaModel {
  const doc = parse(source);
  const enums = new Map<string, string[]>();
  const objects: ObjectTypeDefinitionNode[] = [];
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION)
      enums.set(
        def.name.value,
        (def.values ?? []).map((v) => v.name.value),
      );
    else if (def.kind === Kind.OBJECT_TYPE_DEFINITION) objects.push(def);
    else if (def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      throw new ManifestError(
        `Validation failed: interface \`${def.name.value}\` — interfaces are not supported by graph-host yet`,
      );
    }
  }
  const entityNames = new Set(
    objects.filter((o) => o.directives?.some((d) => d.name.value === "entity")).map((o) => o.name.value),
  );
  const entities = new Map<string, EntityDef>();
  for (const o of objects) {
    const entityDirective = o.directives?.find((d) => d.name.value === "entity");
    if (!entityDirective) {
      if (o.directives?.some((d) => d.name.value === "aggregation")) {
        throw new ManifestError(
          `Validation failed: aggregation \`${o.name.value}\` — aggregations are not supported by graph-host yet`,
        );
      }
      continue;
    }
    const arg = (name: string) => entityDirective.arguments?.find((a) => a.name.value === name)?.value;
    const immutableArg = arg("immutable");
    const timeseries = arg("timeseries");
    if (timeseries?.kind === Kind.BOOLEAN && timeseries.value) {
      throw new ManifestError(
        `Validation failed: timeseries entity \`${o.name.value}\` is not supported by graph-host yet`,
      );
    }
    const immutable = immutableArg?.kind === Kind.BOOLEAN && immutableArg.value;
    const fields: FieldDef[] = [];
    for (const f of o.fields ?? []) {
      const t = unwrap(f.type);
      let base: FieldBase;
      if (SCALARS.has(t.named)) base = { kind: "scalar", scalar: t.named as ScalarName };
      else if (enums.has(t.named)) base = { kind: "enum", name: t.named };
      else if (entityNames.has(t.named)) base = { kind: "entity", name: t.named };
      else
        throw new ManifestError(
          `Validation failed: field \`${o.name.value}.${f.name.value}\` has unknown type \`${t.named}\``,
        );
      const derived = f.directives?.find((d) => d.name.value === "derivedFrom");
      const derivedArg = derived?.arguments?.find((a) => a.name.value === "field")?.value;
      fields.push({
        name: f.name.value,
        base,
        list: t.list,
        nullable: t.nullable,
        elementNullable: t.elementNullable,
        derivedFrom: derivedArg?.kind === Kind.STRING ? derivedArg.value : undefined,
      });
    }
    const id = fields.find((f) => f.name === "id");
    if (!id || id.base.kind !== "scalar")
      throw new ManifestError(`Validation failed: entity \`${o.name.value}\` has no \`id\` field`);
    const idScalar = id.base.scalar;
    const idType = idScalar === "Bytes" ? "Bytes" : idScalar === "Int8" ? "Int8" : "String";
    const columns = [id, ...fields.filter((f) => f !== id && !f.derivedFrom)];
    entities.set(o.name.value, {
      name: o.name.value,
      immutable,
      idType,
      fields,
      fieldMap: new Map(fields.map((f) => [f.name, f])),
      columns,
    });
  }
  return { entities, enums };
}
