// LiteRT (TFLite's runtime: XNNPACK compiled to WebAssembly, from @litertjs/core) as a long-lived worker for the tests.
//
// Reads one JSON request a line on stdin:   {"model": "/abs/path.tflite", "inputs": ["<base64 of the raw input bytes>", ...]}
// and answers one JSON line on stdout:      {"outputs": [{"dtype": "uint8", "shape": [1, 1001], "data": "<base64>"}, ...], "ms": 1.23}
//                                     or:   {"error": "what went wrong"}
// Inputs take their type and shape from the model (the MobileNets have fixed shapes); their byte length must match.
// Loaded models are kept by path. Everything the runtime prints goes to stderr, so stdout carries only answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { format } from 'node:util';
import vm from 'node:vm';

// Whatever the runtime prints goes to stderr (stdout carries only answers), and the lines of the request under way are
// kept, so that an error answer can say what LiteRT said: its exceptions name only the source line that gave up.
// This must be in place before the Emscripten glue runs, as the glue binds console.log and console.error when it loads.
let said = [];
const say = (...parts) => {
  const text = format(...parts);
  process.stderr.write(text + '\n');
  said.push(...text.split('\n').filter(line => !/^(INFO|WARNING): /.test(line)));
  said = said.slice(-20);
};
for (const level of ['log', 'info', 'warn', 'debug', 'error'])
  console[level] = say;

// @litertjs/core is written for browsers and web workers. Its loader (@litertjs/wasm-utils) runs the Emscripten
// glue with importScripts() and then reads self.ModuleFactory; the glue itself detects Node and then wants the
// CommonJS require and __dirname (to find its .wasm beside it), which an ES module does not have as globals. Nothing is
// fetched: the glue reads its .wasm with node:fs, and the worker hands LiteRT the model's bytes.
const require = createRequire(import.meta.url);
globalThis.self = globalThis;
globalThis.require = require;
globalThis.importScripts = (...files) => {
  for (const file of files) {
    globalThis.__filename = file;
    globalThis.__dirname = dirname(file);
    vm.runInThisContext(readFileSync(file, 'utf8'), { filename: file });
  }
};

const { loadLiteRt } = await import('@litertjs/core');

// The package ships four builds: relaxed SIMD (the default where the engine has it), relaxed SIMD with threads
// (needs SharedArrayBuffer and workers), relaxed SIMD with JSPI, and 'compat': plain WebAssembly SIMD128, one thread.
// Node 20 has relaxed SIMD only behind a flag (newer Node has it on), and relaxed SIMD instructions may round or
// saturate differently from one machine to another, so the reference names the compat build itself instead of letting
// the loader choose from what the engine offers.
const build = join(dirname(require.resolve('@litertjs/core/package.json')), 'wasm', 'litert_wasm_compat_internal.js');
const liteRt = await loadLiteRt(build);
const wasm = liteRt.liteRtWasm;
const environment = liteRt.getDefaultEnvironment();

// ElementType values of litert::ElementType (index.d.ts) that a MobileNet's inputs and outputs can have.
const dtypes = { 1: 'float32', 2: 'int32', 3: 'uint8', 7: 'int16', 9: 'int8' };

/** @type {Map<string, {compiled: any, model: any, pointer: number}>} */
const models = new Map();

async function load(path) {
  let entry = models.get(path);
  if (entry)
    return entry;
  const bytes = readFileSync(path);
  const repaired = repairBiasAxes(bytes);
  if (repaired.length > 0)
    console.error(`litert.mjs: ${path}: quantized_dimension set to 0 on the 1-D tensor(s) ${repaired.join(', ')}`);
  // The model keeps pointing into this copy of the file, which lives as long as the worker (it keeps every model it loads).
  const pointer = wasm._malloc(bytes.length);
  let model;
  try {
    wasm.HEAPU8.set(bytes, pointer);
    model = wasm.loadModel(environment.liteRtEnvironment, pointer, bytes.length);
    // The package's own loadAndCompile and Tensor know float32, int32 and uint8 only (an int8 model fails while it
    // describes its tensors), so the worker drives the Wasm bindings below them, which take any element type.
    const compiled = await wasm.compileModel(environment.liteRtEnvironment, model, {
      environment, accelerator: 'wasm', cpuOptions: { numThreads: 1 }, gpuOptions: {}, webNNOptions: {},
    });
    entry = { compiled, model, pointer };
  } catch (error) {
    model?.delete();
    wasm._free(pointer);
    throw error;
  }
  models.set(path, entry);
  return entry;
}

// TFLite's converter used to copy a convolution's quantized_dimension (3 for depthwise weights) onto its 1-D bias, where
// only axis 0 exists; TFLite Micro ignores it, but the TFLite interpreter inside LiteRT refuses the file ("quantized_dimension
// must be in range [0, 1)"), as it does TFLite Micro's person_detect.tflite. On a 1-D tensor the axis can only mean 0, so the
// worker writes 0 over it in its own copy of the bytes (the field stays where it is: nothing else moves). Returns the
// names of the tensors it changed.
function repairBiasAxes(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const field = (table, index) => {
    const vtable = table - view.getInt32(table, true);
    const slot = 4 + 2 * index;
    const offset = slot < view.getUint16(vtable, true) ? view.getUint16(vtable + slot, true) : 0;
    return offset === 0 ? -1 : table + offset;
  };
  const target = at => at + view.getUint32(at, true);
  const tables = (table, index) => {
    const at = field(table, index);
    if (at < 0)
      return [];
    const vector = target(at);
    return Array.from({ length: view.getUint32(vector, true) }, (_, i) => target(vector + 4 + 4 * i));
  };
  const length = (table, index) => { const at = field(table, index); return at < 0 ? 0 : view.getUint32(target(at), true); };
  const string = (table, index) => {
    const at = field(table, index);
    if (at < 0)
      return '';
    const start = target(at);
    return bytes.toString('utf8', start + 4, start + 4 + view.getUint32(start, true));
  };

  const changed = [];
  if (bytes.length < 8 || bytes.toString('latin1', 4, 8) !== 'TFL3')
    return changed;
  const model = view.getUint32(0, true);
  for (const subgraph of tables(model, 2)) {            // Model.subgraphs
    for (const tensor of tables(subgraph, 0)) {         // SubGraph.tensors
      const quantization = field(tensor, 4);            // Tensor.quantization
      if (quantization < 0 || length(tensor, 0) !== 1)  // Tensor.shape
        continue;
      const dimension = field(target(quantization), 6); // QuantizationParameters.quantized_dimension
      if (dimension >= 0 && view.getInt32(dimension, true) !== 0) {
        view.setInt32(dimension, 0, true);
        changed.push(`'${string(tensor, 3)}'`);
      }
    }
  }
  return changed;
}

function describe(tensorType) {
  const layout = tensorType.layout();
  const vector = layout.dimensions();
  const shape = Array.from({ length: vector.size() }, (_, i) => vector.get(i));
  vector.delete();
  layout.delete();
  const element = tensorType.elementType().value;
  return { dtype: dtypes[element] ?? `element type ${element}`, shape, bytes: tensorType.bytes() };
}

async function run(request) {
  if (typeof request.model !== 'string' || !Array.isArray(request.inputs))
    throw new Error('a request is {"model": "/path.tflite", "inputs": ["base64", ...]}');
  const { compiled, model } = await load(request.model);
  const signature = model.getSignature(0);
  const names = signature.inputNames();
  const count = names.size();
  names.delete();
  signature.delete();
  if (request.inputs.length !== count)
    throw new Error(`${request.model} has ${count} input(s), the request gave ${request.inputs.length}`);

  const inputs = [];
  try {
    for (let i = 0; i < count; i++) {
      const tensorType = model.getInputTensorType(0, i);
      const { dtype, shape, bytes } = describe(tensorType);
      const data = Buffer.from(request.inputs[i], 'base64');
      if (data.length !== bytes) {
        tensorType.delete();
        throw new Error(`input ${i} is ${dtype} [${shape}], ${bytes} bytes; the request gave ${data.length}`);
      }
      const buffer = wasm.LiteRtTensorBuffer.createManaged(environment.liteRtEnvironment, wasm.LiteRtTensorBufferType.HOST_MEMORY, tensorType, bytes);
      tensorType.delete();
      inputs.push(buffer);
      const pointer = buffer.lock(wasm.LiteRtTensorBufferLockMode.WRITE);
      wasm.HEAPU8.set(data, pointer);
      buffer.unlock();
    }
    const start = performance.now();
    const outputs = await compiled.run(0, inputs);
    const ms = performance.now() - start;
    try {
      return {
        outputs: outputs.map(buffer => {
          const tensorType = buffer.tensorType();
          const { dtype, shape } = describe(tensorType);
          tensorType.delete();
          const pointer = buffer.lock(wasm.LiteRtTensorBufferLockMode.READ);
          const data = Buffer.from(wasm.HEAPU8.subarray(pointer, pointer + buffer.packedSize())).toString('base64');
          buffer.unlock();
          return { dtype, shape, data };
        }),
        ms,
      };
    } finally {
      for (const buffer of outputs)
        buffer.delete();
    }
  } finally {
    for (const buffer of inputs)
      buffer.delete();
  }
}

function message(error) {
  if (error instanceof Error)
    return error.message;
  // The Wasm side can throw a C++ exception pointer or a status string.
  return typeof error === 'number' ? `LiteRT threw native exception ${error}` : String(error);
}

// Requests are run one at a time, in the order they came, and each gets exactly one line.
let queue = Promise.resolve();
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', line => {
  if (line.trim() === '')
    return;
  queue = queue.then(async () => {
    let answer;
    said = [];
    try {
      answer = await run(JSON.parse(line));
    } catch (error) {
      answer = { error: [message(error), ...said].join('\n') };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
});
