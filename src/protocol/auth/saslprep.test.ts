import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saslPrep, scramPasswordBytes } from './saslprep.js';
import { createScramVerifier, parseScramVerifier } from './scram-verifier.js';

/**
 * Secrets made by a real PostgreSQL 15.18 (`create role ... password '<p>'` with
 * password_encryption = 'scram-sha-256', read back from pg_authid.rolpassword), with what
 * SASLprep makes of each password (undefined: preparation fails and the raw password is used).
 * Recomputing each with PostgreSQL's salt must give the identical string.
 */
const PG15: [name: string, password: string, prepped: string | undefined, verifier: string][] = [
  ['ascii', 'secret', 'secret', 'SCRAM-SHA-256$4096:57ghlPHyn/2RdLsLD1X56Q==$3gqzZiWi6onFGnDMJD37n26CD5qepNV9+yD1txE7L8Y=:V5V6VAfO58/O1u+7+xRKsAX0H8ArjdlwGipzdGnvDyk='],
  ['soft hyphen (B.1)', 'I\u00adX', 'IX', 'SCRAM-SHA-256$4096:cwxYvXe5aDnIVW6NEzEElA==$jqksW5eM9KEivMVQKksfrvLmy9gH8cDPf1ZFIyRltIQ=:Ofm+4Qb9QAw6UFnj+qQih7/MzNm9IWdm7nxR3z07wQ8='],
  ['roman numeral nine (NFKC)', '\u2168', 'IX', 'SCRAM-SHA-256$4096:0zzkpHVYZcgWIea6z5yWKg==$AOyxwk8Ai4aUJquL7RkRimzvwBqz9A75B6tpweDj1ik=:Ut/BoK+/7R3WBu0rt6mzomKdhu7xdVviKzX7TKZp3sw='],
  ['no-break space (C.1.2)', 'a\u00a0b', 'a b', 'SCRAM-SHA-256$4096:+pTX2Zt0VPQhLN1czYtudQ==$P9vniIhrol1x89qfPx2TPw7FnGETfr8v12F/df5zoNw=:UIE77ET3pdgQayDSK/95hRaMiPAg8HplfyL0u/WzXeM='],
  ['ligature', '\ufb01x', 'fix', 'SCRAM-SHA-256$4096:q15FK2GbbodWdg/qEWjK+Q==$hqusfQurrtxS3VRAQImeBtn2cRnRd/xz+w9NRvnRSiY=:mOReD5k+ocHLRNvhQZbcDk31k/X2ieIErcAVqwqNQGs='],
  ['zero width space: space wins over nothing', 'a\u200bb', 'a b', 'SCRAM-SHA-256$4096:EMaxaTBY+fCdeIo8UrDygg==$FbSyUvWRq1fY1m7t172fSjHN9J4vnczMGIv5ok6UKE8=:cw2N4IU/FN0giZKtqKIuyqwdgnoXF7aIKUWIrT6Rq/4='],
  ['decomposed accent', 'e\u0301t\u00e9', '\u00e9t\u00e9', 'SCRAM-SHA-256$4096:icF9qE2QxFTZTeNr6CAefg==$SvWnu2HzkUuXhyCZFJNhqmHomp9eQsjOy7lbKUBAo8g=:V69qG318R7cuy4U1W+v3me6+s8awNEIFwGTcUd2+Phk='],
  ['control char in non-ASCII string (C.2.1)', 'x\u0007\u00a0y', undefined, 'SCRAM-SHA-256$4096:aPh5zkGlO2UEhni3BOsmLQ==$yzdHeYqu0EmRlAsDx9BHaYlez8+YLskMg0yqaA9MVfI=:ts5W5H25gnuSpBbv3dPHu5GC6Hg/9pXEeYzfgaNuRho='],
  ['bidi: RandAL with L', '\u05d0\u00a0a\u05d0', undefined, 'SCRAM-SHA-256$4096:J3nd68lo2o1/a4CAcOVTig==$3781u1wmfUs2WsA576Y8D5y+fKiB8ax+yzqoUg+tlw0=:NZybuneScT3uogD6FNd0d6zAkBT7bZ+2jZRqg0XGoa8='],
  ['bidi: Hebrew only', '\u05d0\u00a0\u05d1', '\u05d0 \u05d1', 'SCRAM-SHA-256$4096:Rz+KswysO1rvoq71mkfXPw==$9DHjH+jLbIAWXDER+v/lS7L3n5NbnzKbyLdpmcYyTAY=:AsvOmusx/9ncbKa9hQyJvHYcdQGGYu7BHujBh2Rq+VA='],
  ['bidi: does not end in RandAL', '\u05d0\u00a01', undefined, 'SCRAM-SHA-256$4096:mb5alWEhpzP9SkBAG1Drqg==$PDWWnCGsD8hzNQN7N4bvgfkLBq/0sPvO6RIAyY8aYoM=:Z1PHPNOimyjRpXryvuEDXCEYCEwTFatTPHV+lu4Y9Bw='],
  ['bidi: Arabic only', '\u0627\u00a0\u0628', '\u0627 \u0628', 'SCRAM-SHA-256$4096:v7DDm3U04ja+DsQ2xY944g==$swC9hqOp8EetIXGNJR6bAw295C8xcpM5HG9ZOgXwWPE=:OEwdg7uicxNgp//x/hsAQjSDSNlbzW0i8VpT2DEoWgI='],
  ['maps to empty', '\u00ad', undefined, 'SCRAM-SHA-256$4096:q0B53YLowUGZxOgXW8CSpQ==$eMSZAIvi6Qc27moX5IymKUAiUWZkZdfHUus7BqpI4Wk=:AdtEIfnJ529VEevcFqtVAzpgpdk4XXTdUZ7D6XXSRKw='],
  ['supplementary, assigned in 3.2', '\u{10330}\u00a0', '\u{10330} ', 'SCRAM-SHA-256$4096:Zk3C24S0oeD1C477xAzTdQ==$rcGgpml4nCV1EqNnOSGqOL5nEhaW88aqlj4bHM0Tsls=:67YwdG3p7veYaCarJKMkEV7/MRNMwdmZ4nAuP+2hQTo='],
  ['supplementary, unassigned in 3.2 (A.1)', '\u{1f980}\u00a0', undefined, 'SCRAM-SHA-256$4096:iMibhfe91A4FhzjrP5oe4g==$WLIagrg+Apr4bzKG2NGUVdKsL7zj2OSzULa3TJ5wDno=:lWFw3q3rtEDWiAVbtZ0zG+3Ti+dD6mhNaFLZt64KUlA='],
  ['BMP, unassigned in 3.2 (A.1)', '\u26a0\ufe0f', undefined, 'SCRAM-SHA-256$4096:vuoZO/RGS+J21FCL6pFUPw==$gTMVNYwW3wDckKUT+bAlNU+lShAcjUxEEK8hDzjXiVs=:4zzoT0PA7Jq4YKg8UGxxA02ttg87NBiIPsyZiim90PQ='],
  ['BMP, assigned in 3.2, variation selector', '\u2764\ufe0f', '\u2764', 'SCRAM-SHA-256$4096:RG6RrIph91G6T7H+ju7D9Q==$rdL7Bz1Y9rO27CNOa+n+HmqQqfOvGDKD/FqqyUxqYRs=:vzd8mmBmuxcYwrhoCgapcDJNz6pBFjDzq2//0R4ZJyk='],
  ['fullwidth', '\uff30\uff41\uff53\uff53', 'Pass', 'SCRAM-SHA-256$4096:t2OC2ELmAL0N8OOCrduAFQ==$iGUocm98BN5wiIJFjKYA9qY05fXRAXwFDY9UwkbdUTo=:W6cU7mwWdRikSqIZmfXW9BZXktkQ5UnjDKRCevLEN7E='],
  ['private use (C.3)', '\ue000\u00a0', undefined, 'SCRAM-SHA-256$4096:XYNlUf6bYy7LP7DiNGSnSw==$G1D3TStdbZtjM6D0i0/bTLEOoZM0Y2PEvYSLN+0o44I=:4cC9wuJ3bzpkld9oaI9kMofB8CFonQL+5O4Kxr+SQxc='],
  ['right-to-left mark (C.8)', 'a\u200f\u00a0', undefined, 'SCRAM-SHA-256$4096:Jh8JbdVq8BV6jwd/43w5pw==$ULnHdMo7yVbnWXPaSD2GPhw1wNOGOtU0xwS2CltenRk=:OIuh55Aa5cGfWPzWqlEddUjU1n9Fw5uhnuyaK0v6+Bo='],
  ['Latin-1', 'caf\u00e9\u00a0bar', 'caf\u00e9 bar', 'SCRAM-SHA-256$4096:wF53BjNROjdied16nF9wXg==$2nN1mE/VMY4y/OczNWqUJCZXzxCo9VCDgZpz2Z2iFhU=:qCVbUP7TdWGp+f6ninHwXi4jbWMuU14DLBChmMJQNVg='],
  ['CJK with ideographic space', '\u5bc6\u7801\u3000x', '\u5bc6\u7801 x', 'SCRAM-SHA-256$4096:MpI+vQS4DZLxDLqbvGugVA==$zgnz+t95rO26KDtjvIXH1E19t5xwMkOGcEHm6Al5gvw=:3Xv1TKEr9p4wS190VKiTpt7/bB1uOZm37jk0+HxCg+0='],
  ['Hangul jamo compose', '\u1100\u1161\u11a8', '\uac01', 'SCRAM-SHA-256$4096:NybZEiJ4DbjYMoWxxSJI/A==$4QTKjqbskb99NjArPR6zoJanU5w2JYPUdy+kbNNU7Po=:dbcz7zfZgLymyiwGSm7JQkFsFJZuHioSCc0VZ4TRYgw='],
  ['Cyrillic', '\u043f\u0430\u0440\u043e\u043b\u044c', '\u043f\u0430\u0440\u043e\u043b\u044c', 'SCRAM-SHA-256$4096:+AflrYDEUm1sAIkxlTaKag==$jMB13h+qJJrJz1Zjf1XPpeLnumc6PzTvxuF6rrS5UxQ=:TY7S+EUomnDVoS38A0koMi0nRp5REkzqrH/3LD7ZxJQ='],
  ['leading BOM makes a control char count', '\ufeffabc\u0001', undefined, 'SCRAM-SHA-256$4096:ryK0ylZJvh+J4HHzbTLw3A==$VNDnARSczgcIkD26mff5+PxzpRwMQ/LC8feO2Xp/G3w=:TEN4E1ArtLxLQMHbsmqlpQkTXYfhQ4BwdfQ6b53PtCQ='],
  ['mathematical bold', '\u{1d400}\u{1d401}', 'AB', 'SCRAM-SHA-256$4096:+h+f+HIsV+VFD/XlAnzYKg==$cdv94VaBIH+1hPfGjH0n/J1l8pT4fj0YH7LMeuvpdu0=:pN2bkn/NPKeIAZAXCepW2eVEGH8WqeMbCMggfGeOa7A='],
  ['superscript', 'x\u00b2', 'x2', 'SCRAM-SHA-256$4096:tDHkXUfDi8tduKykapOwbA==$VPq/ido/kgR+Zhw8z1iMoYqw5ZmK5W/h1tG8XEV5hfw=:Zcw8j/4fS1R1lTZqTrVj9TyxpY5VbXSnvnVOrMikUr0='],
  ['long (1800 bytes; no length limit in 15)', 'e\u0301'.repeat(600), '\u00e9'.repeat(600), 'SCRAM-SHA-256$4096:fYGMprDfEPBLIQpZbjP/aQ==$0aIYZmXGj91k126gz8jK3q4MUU8ImMnkPIUBp/s9bN4=:W+PtPhokLzRSwGc/ysiUcZkOhFHlpkyC81htKGU+avQ='],
];

for (const [name, password, prepped, verifier] of PG15) {
  test(`SCRAM secret matches PostgreSQL 15: ${name}`, () => {
    assert.equal(saslPrep(password), prepped);
    const { salt, iterations } = parseScramVerifier(verifier)!;
    assert.equal(createScramVerifier(password, { salt, iterations }), verifier);
  });
}

test('RFC 4013 section 3 examples (PostgreSQL passes pure ASCII through, control chars too)', () => {
  assert.equal(saslPrep('I\u00adX'), 'IX');
  assert.equal(saslPrep('user'), 'user');
  assert.equal(saslPrep('USER'), 'USER');
  assert.equal(saslPrep('\u00aa'), 'a');
  assert.equal(saslPrep('\u2168'), 'IX');
  assert.equal(saslPrep('\u0007'), '\u0007'); // the RFC says error; PostgreSQL's ASCII fast path keeps it
  assert.equal(saslPrep('\u0627\u0031'), undefined); // bidi: must end with RandALCat
});

test('lone surrogates and non-characters fail preparation', () => {
  assert.equal(saslPrep('a\ud800\u00a0'), undefined);
  assert.equal(saslPrep('a\ufdd0'), undefined);
  assert.equal(saslPrep('a\u{1fffe}'), undefined);
});

test('scramPasswordBytes: raw bytes when not UTF-8 or when preparation fails, prepared UTF-8 otherwise', () => {
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]); // "café" in Latin-1: invalid UTF-8
  assert.deepEqual(scramPasswordBytes(latin1), latin1);
  assert.deepEqual(scramPasswordBytes(Buffer.from('a\u00a0b', 'utf8')), Buffer.from('a b'));
  assert.deepEqual(scramPasswordBytes('a\u00a0b'), Buffer.from('a b'));
  assert.deepEqual(scramPasswordBytes('x\u0007\u00a0y'), Buffer.from('x\u0007\u00a0y', 'utf8'));
  // A decoder that strips the BOM would take the ASCII fast path and return 'abc\x01'.
  const bom = Buffer.from('\ufeffabc\u0001', 'utf8');
  assert.deepEqual(scramPasswordBytes(bom), bom);
});
