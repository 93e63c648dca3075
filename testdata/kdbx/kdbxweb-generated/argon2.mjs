// kdbxweb ships no Argon2: hash-wasm (pure WebAssembly) provides it, for make.mjs and check.mjs.
import kdbxweb from 'kdbxweb';  // a CommonJS bundle: its exports are the default export
import { argon2d, argon2id } from 'hash-wasm';

kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memory, iterations, length, parallelism, type, version) => {
    if (version !== 0x13) throw new Error('hash-wasm has Argon2 version 0x13 only');
    const hash = type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? argon2id : argon2d;
    const out = await hash({
        password: new Uint8Array(password), salt: new Uint8Array(salt), memorySize: memory,  // kdbxweb passes KiB
        iterations, hashLength: length, parallelism, outputType: 'binary',
    });
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
});

export default kdbxweb;
