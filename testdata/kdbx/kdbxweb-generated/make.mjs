// Writes the kdbxweb fixtures of testdata/kdbx/kdbxweb-generated (see ../PROVENANCE.md):
//   node make.mjs OUT_DIR   (after `npm ci` here)
// kdbx31.kdbx: KDBX 3.1, AES-KDF 100 rounds. kdbx4.kdbx: KDBX 4.0, Argon2id 1 MiB, 2 passes.
// Both: password "kdbxweb-fixture", the same groups, entries, fields, history, attachment and TOTP.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import kdbxweb from './argon2.mjs';

const fixed = (iso) => new Date(iso);
const protect = (text) => kdbxweb.ProtectedValue.fromString(text);

async function build(version) {
    const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(protect('kdbxweb-fixture')), 'kdbxweb fixture');
    db.setVersion(version);
    if (version === 4) {
        db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
        db.header.kdfParameters.set('M', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(1024 * 1024));
        db.header.kdfParameters.set('I', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(2));
        db.header.kdfParameters.set('P', kdbxweb.VarDictionary.ValueType.UInt32, 1);
    } else {
        db.header.keyEncryptionRounds = 100;
    }
    db.createRecycleBin();
    const root = db.getDefaultGroup();
    const work = db.createGroup(root, 'Work');
    const servers = db.createGroup(work, 'Servers');

    const mail = db.createEntry(work);
    mail.fields.set('Title', 'Mail');
    mail.fields.set('UserName', 'alice@example.com');
    mail.fields.set('Password', protect('old-mail-password'));
    mail.fields.set('URL', 'https://mail.example.com');
    mail.times.creationTime = fixed('2024-01-02T03:04:05Z');
    mail.times.lastModTime = fixed('2024-01-02T03:04:05Z');
    mail.pushHistory();
    mail.fields.set('Password', protect('new-mail-password'));
    mail.fields.set('Notes', 'line one\nline two');
    mail.fields.set('Department', 'Sales');
    mail.fields.set('PIN', protect('1234'));
    mail.fields.set('otp', protect('otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Example'));
    mail.tags = ['mail', 'work'];
    mail.binaries.set('readme.txt', await db.createBinary(new TextEncoder().encode('kdbxweb attachment\n')));
    mail.times.lastModTime = fixed('2024-02-03T04:05:06Z');

    const ssh = db.createEntry(servers);
    ssh.fields.set('Title', 'Build server');
    ssh.fields.set('UserName', 'root');
    ssh.fields.set('Password', protect('correct horse battery staple'));

    const bank = db.createEntry(root);
    bank.fields.set('Title', 'Bank');
    bank.fields.set('Password', protect('b4nk'));
    return db.save();
}

const out = process.argv[2] ?? '.';
writeFileSync(join(out, 'kdbx31.kdbx'), Buffer.from(await build(3)));
writeFileSync(join(out, 'kdbx4.kdbx'), Buffer.from(await build(4)));
