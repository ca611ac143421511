// Checks one HTTP exchange against api/openapi.yaml: the path and method are documented (an unknown path may
// only answer 404, a known path with an unknown method 405), the status is one the operation documents, the
// body has a documented content type and matches its schema, the headers the response declares required are
// there, and a request the spec refuses (parameters or body outside their schema) is not answered with success.
// lib/http.mjs runs it on every request when SWITCHBOARD_CONTRACT=1 (tests/integration/run sets it).
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const SpecId = 'openapi.yaml';
const Methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const spec = parse(readFileSync(new URL('../../../api/openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('password', true);
ajv.addSchema(spec, SpecId);

const escapePointer = (part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (parts) => `#/${parts.map(escapePointer).join('/')}`;

/// Follows a local `$ref` (a response or parameter object shared under components/) to what it names, with the
/// JSON pointer of the object reached, so that schemas inside it compile against the whole document.
function resolve(object, at) {
  let current = object;
  let path = at;
  while (current && typeof current.$ref === 'string') {
    path = current.$ref.slice(2).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
    current = path.reduce((node, part) => node?.[part], spec);
  }
  return { object: current, path };
}

const validators = new Map();
function validatorAt(path) {
  const key = pointer(path);
  if (!validators.has(key)) validators.set(key, ajv.compile({ $ref: `${SpecId}${key}` }));
  return validators.get(key);
}

function describeErrors(errors) {
  return errors
    .slice(0, 5)
    .map((error) => `${error.instancePath || '(root)'} ${error.message}`)
    .join(', ');
}

// Literal paths before templated ones, so that /api/conversations wins over /api/conversations/{id} and a
// fixed segment over a parameter.
const routes = Object.keys(spec.paths)
  .map((template) => {
    const names = [];
    const source = template
      .split('/')
      .map((segment) => {
        const match = /^\{(.+)\}$/.exec(segment);
        if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(match[1]);
        return '([^/]+)';
      })
      .join('/');
    return { template, names, regex: new RegExp(`^${source}$`) };
  })
  .sort((a, b) => a.names.length - b.names.length);

function matchRoute(pathname) {
  for (const route of routes) {
    const match = route.regex.exec(pathname);
    if (match) return route;
  }
  return null;
}

function mediaTypeFor(content, contentType) {
  const base = String(contentType ?? '').split(';')[0].trim().toLowerCase();
  if (content[base]) return base;
  const wildcard = `${base.split('/')[0]}/*`;
  if (content[wildcard]) return wildcard;
  if (content['*/*']) return '*/*';
  return null;
}

/// A query parameter's text as the value its schema describes: numbers and booleans from their text, an array
/// from its comma-separated items (style form, explode false, the only array style the spec uses).
function parameterValue(text, schema) {
  const type = Array.isArray(schema?.type) ? schema.type.find((t) => t !== 'null') : schema?.type;
  if (type === 'array') return text.split(',').map((item) => parameterValue(item, schema.items));
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/// Why the spec would refuse this request, or null: a query parameter outside its schema, a required one
/// missing, or a JSON body outside the request body's schema.
function requestRefusal(exchange, operationPath, operation, pathItem) {
  const url = new URL(exchange.path, 'http://hub');
  const declared = (owner, at) => (owner.parameters ?? []).map((p, i) => resolve(p, [...at, 'parameters', i]));
  const parameters = [...declared(pathItem, operationPath.slice(0, 2)), ...declared(operation, operationPath)];
  for (const { object: parameter, path } of parameters) {
    if (parameter.in !== 'query') continue;
    const text = url.searchParams.get(parameter.name);
    if (text === null) {
      if (parameter.required) return `query parameter ${parameter.name} is required`;
      continue;
    }
    const validate = validatorAt([...path, 'schema']);
    if (!validate(parameterValue(text, parameter.schema))) {
      return `query parameter ${parameter.name}=${text}: ${describeErrors(validate.errors)}`;
    }
  }
  const body = operation.requestBody && resolve(operation.requestBody, [...operationPath, 'requestBody']);
  const jsonSchema = body?.object.content?.['application/json']?.schema;
  if (jsonSchema && exchange.requestBody !== undefined) {
    const validate = validatorAt([...body.path, 'content', 'application/json', 'schema']);
    if (!validate(exchange.requestBody)) return `request body: ${describeErrors(validate.errors)}`;
  }
  return null;
}

function isErrorBody(body, code) {
  return body?.error && typeof body.error === 'object' && (code === undefined || body.error.code === code);
}

/// exchange: { method, path (with query), requestBody (parsed JSON or undefined), status, headers, text, body }.
/// Returns { operation, violations: [string] }; operation names the operationId or the path and method.
export function checkExchange(exchange) {
  const method = exchange.method.toLowerCase();
  const pathname = new URL(exchange.path, 'http://hub').pathname;
  const route = matchRoute(pathname);
  const violations = [];
  if (!route) {
    const operation = `${exchange.method} ${pathname} (undocumented path)`;
    if (exchange.status !== 404) violations.push(`undocumented path answered ${exchange.status}`);
    else if (pathname.startsWith('/api/')) {
      const validate = validatorAt(['components', 'schemas', 'Error']);
      if (!validate(exchange.body)) violations.push(`404 body: ${describeErrors(validate.errors)}`);
      else if (!isErrorBody(exchange.body, 'not_found')) violations.push('404 under /api/ is not not_found');
    }
    return { operation, violations };
  }
  const pathItem = spec.paths[route.template];
  const operation = pathItem[method];
  if (!operation || !Methods.includes(method)) {
    const name = `${exchange.method} ${route.template} (undocumented method)`;
    if (exchange.status !== 405) violations.push(`undocumented method answered ${exchange.status}, not 405`);
    else if (!exchange.headers.allow) violations.push('405 without an Allow header');
    return { operation: name, violations };
  }
  const operationPath = ['paths', route.template, method];
  const name = operation.operationId ?? `${exchange.method} ${route.template}`;

  const statusKey = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find(
    (key) => operation.responses?.[key],
  );
  if (!statusKey) {
    violations.push(`status ${exchange.status} is not documented` +
      (isErrorBody(exchange.body) ? ` (error ${exchange.body.error.code})` : ''));
    return { operation: name, violations };
  }
  if (exchange.status >= 200 && exchange.status < 300) {
    const refusal = requestRefusal(exchange, operationPath, operation, pathItem);
    if (refusal) violations.push(`answered ${exchange.status} to a request the spec refuses: ${refusal}`);
  }
  const { object: response, path: responsePath } = resolve(operation.responses[statusKey], [
    ...operationPath, 'responses', statusKey,
  ]);
  for (const [header, declared] of Object.entries(response.headers ?? {})) {
    const { object } = resolve(declared, []);
    if (object?.required && exchange.headers[header.toLowerCase()] === undefined)
      violations.push(`required header ${header} is missing`);
  }
  const hasBody = exchange.text.length > 0 && method !== 'head';
  if (!hasBody) return { operation: name, violations };
  if (!response.content) {
    violations.push(`${exchange.status} has a body but the spec documents none`);
    return { operation: name, violations };
  }
  const mediaType = mediaTypeFor(response.content, exchange.headers['content-type']);
  if (!mediaType) {
    violations.push(`content type ${exchange.headers['content-type']} is not one of ` +
      Object.keys(response.content).join(', '));
    return { operation: name, violations };
  }
  if (/json/.test(mediaType) && response.content[mediaType].schema) {
    if (exchange.body === null) {
      violations.push('body is not JSON');
    } else {
      const validate = validatorAt([...responsePath, 'content', mediaType, 'schema']);
      if (!validate(exchange.body)) violations.push(`body: ${describeErrors(validate.errors)}`);
    }
  }
  return { operation: name, violations };
}

/// What a received webhook (`headers` with lower-case names, `json` its parsed body) breaks of the spec's
/// `webhooks` entry `name`: a missing or malformed header it declares, a body outside its schema.
export function checkWebhook(name, { headers, json }) {
  const at = ['webhooks', name, 'post'];
  const operation = at.reduce((node, part) => node?.[part], spec);
  if (!operation) return [`no webhook ${name} in the spec`];
  const violations = [];
  (operation.parameters ?? []).forEach((declared, i) => {
    const { object: parameter, path } = resolve(declared, [...at, 'parameters', i]);
    const value = headers[parameter.name.toLowerCase()];
    if (value === undefined) {
      if (parameter.required) violations.push(`header ${parameter.name} is missing`);
      return;
    }
    const validate = validatorAt([...path, 'schema']);
    if (!validate(value)) violations.push(`header ${parameter.name}: ${describeErrors(validate.errors)}`);
  });
  const validate = validatorAt([...at, 'requestBody', 'content', 'application/json', 'schema']);
  if (!validate(json)) violations.push(`body: ${describeErrors(validate.errors)}`);
  return violations;
}

/// Throws when the exchange breaks the spec, naming the request, the operation and each violation.
export function assertExchange(exchange) {
  const { operation, violations } = checkExchange(exchange);
  if (violations.length > 0) {
    throw new Error(`contract: ${exchange.method} ${exchange.path} (${operation}) → ${exchange.status}: ` +
      violations.join('; '));
  }
}
