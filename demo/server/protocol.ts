// The OpenAPI document as validators: every request is checked against it before a handler
// runs, and (when asked) every response before it leaves. Tests use the same validators.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { ApiError } from './domain/errors.js';

type Schema = Record<string, unknown>;
// ajv-formats is CommonJS; under ESM its default export may sit one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

export const OPENAPI_PATH = fileURLToPath(new URL('../../docs/protocol/openapi.json', import.meta.url));

export interface OperationSpec {
  operationId: string;
  method: string;
  /** The path of the document, e.g. `/conversations/{conversationId}/messages`. */
  path: string;
  auth: 'agent' | 'channel' | 'none';
  /** Path and query parameters, coerced from strings to the documented types. */
  validateParameters(params: Record<string, unknown>): Record<string, unknown>;
  validateBody?(body: unknown): void;
  /** Throws when a JSON response doesn't match the document. */
  validateResponse(status: number, body: unknown): void;
}

/** Field name to message, from ajv's errors: what a client can show next to its inputs. */
export function fieldErrors(errors: ErrorObject[] | null | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors ?? []) {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    const base = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const name = params.missingProperty ?? params.additionalProperty ?? base;
    const key =
      params.missingProperty || params.additionalProperty
        ? base
          ? `${base}.${name}`
          : name
        : base || 'body';
    fields[key] ??= params.missingProperty
      ? 'Required'
      : params.additionalProperty
        ? 'Unknown field'
        : (e.message ?? 'Invalid');
  }
  return fields;
}

function invalid(where: string, errors: ErrorObject[] | null | undefined): ApiError {
  const fields = fieldErrors(errors);
  return new ApiError(
    'invalid',
    `The ${where} is not valid: ${Object.entries(fields)
      .map(([k, v]) => `${k} (${v})`)
      .join(', ')}.`,
    { fieldErrors: fields },
  );
}

export class Protocol {
  readonly document: Schema;
  readonly operations = new Map<string, OperationSpec>();
  private readonly strict: Ajv2020;
  private readonly coercing: Ajv2020;

  constructor(document: Schema = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Schema) {
    this.document = document;
    const make = (coerce: boolean) => {
      const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce });
      addFormats(ajv);
      ajv.addSchema({ $id: 'openapi.json', components: document['components'] });
      return ajv;
    };
    this.strict = make(false);
    this.coercing = make(true);
    const paths = document['paths'] as Record<string, Record<string, Schema>>;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) this.addOperation(path, method, op);
    }
  }

  /** A validator for `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction {
    const validate = this.strict.getSchema(`openapi.json#/components/schemas/${name}`);
    if (!validate) throw new Error(`No schema ${name} in the protocol.`);
    return validate;
  }

  /** Throws a readable error unless `value` matches schema `name`. */
  check(name: string, value: unknown): void {
    const validate = this.schema(name);
    if (!validate(value)) throw new Error(`Not a valid ${name}: ${this.strict.errorsText(validate.errors)}`);
  }

  /** Compiled on first use: compiling every operation up front costs seconds at start. */
  private compile(ajv: Ajv2020, schema: Schema): ValidateFunction {
    let compiled: ValidateFunction | undefined;
    // Local refs point into the document's components; compile them against its $id.
    const get = () =>
      (compiled ??= ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"openapi.json#/components')) as Schema,
      ));
    const validate = ((data: unknown) => {
      const fn = get();
      const valid = fn(data);
      validate.errors = fn.errors;
      return valid;
    }) as ValidateFunction;
    return validate;
  }

  private addOperation(path: string, method: string, op: Schema): void {
    const parameters = (op['parameters'] ?? []) as {
      name: string;
      in: string;
      required?: boolean;
      schema: Schema;
    }[];
    const paramSchema = {
      type: 'object',
      properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
      required: parameters.filter((p) => p.required).map((p) => p.name),
    };
    const validateParams = this.compile(this.coercing, paramSchema);
    const jsonBody = (
      (op['requestBody'] as Schema | undefined)?.['content'] as Record<string, { schema: Schema }> | undefined
    )?.['application/json'];
    const validateBody = jsonBody ? this.compile(this.strict, jsonBody.schema) : undefined;
    const responses = new Map<number, ValidateFunction>();
    for (const [status, response] of Object.entries((op['responses'] ?? {}) as Record<string, Schema>)) {
      const schema = (response['content'] as Record<string, { schema: Schema }> | undefined)?.[
        'application/json'
      ]?.schema;
      if (schema) responses.set(Number(status), this.compile(this.strict, schema));
    }
    const security = op['security'] as Record<string, unknown>[] | undefined;
    const auth = security === undefined ? 'agent' : security.length === 0 ? 'none' : 'channel';
    const operationId = String(op['operationId']);
    this.operations.set(operationId, {
      operationId,
      method: method.toUpperCase(),
      path,
      auth,
      validateParameters: (params) => {
        const copy = { ...params };
        if (!validateParams(copy)) throw invalid('request', validateParams.errors);
        return copy;
      },
      validateBody: validateBody
        ? (body) => {
            if (!validateBody(body)) throw invalid('request body', validateBody.errors);
          }
        : undefined,
      validateResponse: (status, body) => {
        const validate = responses.get(status);
        if (!validate) {
          if (status === 204 || status >= 500) return;
          throw new Error(`${operationId}: status ${status} is not in the protocol.`);
        }
        if (!validate(body))
          throw new Error(
            `${operationId} ${status}: the response breaks the protocol: ${this.strict.errorsText(validate.errors)}`,
          );
      },
    });
  }
}

let shared: Protocol | undefined;

/** The protocol of docs/protocol/openapi.json, compiled once per process (compiling takes a while). */
export function loadProtocol(): Protocol {
  return (shared ??= new Protocol());
}
