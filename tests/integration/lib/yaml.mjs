// Minimal YAML writer for the test configuration: block mappings, block sequences of mappings, flow
// sequences of scalars. Strings are written double-quoted with JSON escapes, which YAML accepts as-is.

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n)$/i;

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(`cannot write ${typeof value} as a YAML scalar`);
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function lines(value, indent) {
  const pad = ' '.repeat(indent);
  const out = [];
  for (const [key, item] of Object.entries(value)) {
    if (isPlainObject(item)) {
      if (Object.keys(item).length === 0) out.push(`${pad}${key}: {}`);
      else out.push(`${pad}${key}:`, ...lines(item, indent + 2));
    } else if (Array.isArray(item)) {
      if (item.every((element) => !isPlainObject(element))) {
        out.push(`${pad}${key}: [${item.map(scalar).join(', ')}]`);
      } else {
        out.push(`${pad}${key}:`);
        for (const element of item) {
          const [first, ...rest] = lines(element, indent + 4);
          out.push(`${pad}  - ${first.trimStart()}`, ...rest);
        }
      }
    } else {
      out.push(`${pad}${key}: ${scalar(item)}`);
    }
  }
  return out;
}

export function toYaml(document) {
  return `${lines(document, 0).join('\n')}\n`;
}
