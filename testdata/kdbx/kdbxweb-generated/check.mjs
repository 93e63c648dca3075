// Opens a KDBX file with kdbxweb and prints what it holds, one line per thing, for cxf's tests:
//   node check.mjs FILE PASSWORD
// G <depth> <name>; E <title> then, sorted, F <key> <protected 0/1> <value> and B <name> <bytes as text>;
// H <n> for each entry's history length. Exit status 1 with the error when kdbxweb cannot open it.
import { readFileSync } from 'node:fs';
import kdbxweb from './argon2.mjs';

const [file, password] = process.argv.slice(2);
const bytes = readFileSync(file);
const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const creds = new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(password));
const db = await kdbxweb.Kdbx.load(data, creds);
const text = (v) => (v instanceof kdbxweb.ProtectedValue ? v.getText() : String(v ?? ''));
const lines = [];
const walk = (group, depth) => {
    lines.push(`G ${depth} ${group.name}`);
    for (const entry of group.entries) {
        lines.push(`E ${text(entry.fields.get('Title'))}`);
        const fields = [...entry.fields.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [key, value] of fields)
            lines.push(`F ${key} ${value instanceof kdbxweb.ProtectedValue ? 1 : 0} ${JSON.stringify(text(value))}`);
        for (const [name, ref] of entry.binaries) {
            const value = ref.value instanceof kdbxweb.ProtectedValue ? ref.value.getBinary() : new Uint8Array(ref.value);
            lines.push(`B ${name} ${JSON.stringify(new TextDecoder().decode(value))}`);
        }
        lines.push(`H ${entry.history.length}`);
    }
    for (const child of group.groups) walk(child, depth + 1);
};
walk(db.getDefaultGroup(), 0);
console.log(lines.join('\n'));
