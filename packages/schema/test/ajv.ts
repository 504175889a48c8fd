import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS with `export default`: under NodeNext the callable is `.default`.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

/** A draft 2020-12 validator with formats, non-strict so descriptive keywords pass. */
export function createAjv(options: { validateSchema?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
}
