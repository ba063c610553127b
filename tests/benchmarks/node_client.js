// A straightforward getdetectinfo client built from the service's own sample code: the
// integration document's getAppSign (crypto.createHmac('sha1', ...)), a POST with Node's http
// module, crypto.createDecipheriv('aes-256-ecb', key, null), JSON.parse and
// Buffer.from(..., 'base64') for each media field. The reference point of bench_fetch.py.
//
// Usage: node node_client.js URL APPID TOKEN   (secret key and AES key from the environment:
// IAUTH_SECRET_KEY, IAUTH_AES_KEY, so they never appear in argv)
// Prints one JSON line: fetch_s, body_bytes, media sizes, video sha256, baseline/peak RSS.
'use strict';

const crypto = require('crypto');
const http = require('http');

const MEDIA_FIELDS = ['frontpic', 'backpic', 'videopic1', 'videopic2', 'videopic3', 'video'];

// The document's reference code, with `new Buffer(...)` (deprecated, warns) as Buffer.from.
function getAppSign(apiName, appId, appSecretKey, signExpired) {
  if (!apiName || !appId || !appSecretKey || !signExpired) return '';
  const now = parseInt(Date.now() / 1000, 10);
  const plainText = 'a=' + appId + '&m=' + apiName + '&t=' + now + '&e=' + signExpired;
  const data = Buffer.from(plainText, 'utf8');
  const res = crypto.createHmac('sha1', appSecretKey).update(data).digest();
  const bin = Buffer.concat([res, data]);
  return bin.toString('base64');
}

function post(url, headers, body, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: Object.assign({
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      }, headers),
      timeout: timeoutMs,
    }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

function decryptData(data, aesKey) {
  const decipher = crypto.createDecipheriv('aes-256-ecb', Buffer.from(aesKey, 'utf8'), null);
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

async function main() {
  const [url, appid, token] = process.argv.slice(2);
  const secretKey = process.env.IAUTH_SECRET_KEY;
  const aesKey = process.env.IAUTH_AES_KEY;
  if (!url || !appid || !token || !secretKey || !aesKey) {
    process.stderr.write('usage: IAUTH_SECRET_KEY=.. IAUTH_AES_KEY=.. node node_client.js URL APPID TOKEN\n');
    process.exit(2);
  }
  const baselineKib = process.resourceUsage().maxRSS;
  const t0 = process.hrtime.bigint();

  const signature = getAppSign('getdetectinfo', appid, secretKey, 600);
  const body = JSON.stringify({ token: token, appid: appid, info_type: 0 });
  const res = await post(url, { signature: signature }, body, 300000);
  if (res.status !== 200) throw new Error('HTTP ' + res.status);
  const envelope = JSON.parse(res.body.toString('utf8'));
  if (envelope.errorcode !== 0) throw new Error('errorcode ' + envelope.errorcode);
  const result = decryptData(envelope.data, aesKey);
  const media = {};
  for (const field of MEDIA_FIELDS) {
    if (typeof result[field] === 'string') media[field] = Buffer.from(result[field], 'base64');
  }

  const fetchS = Number(process.hrtime.bigint() - t0) / 1e9;
  const sizes = {};
  for (const field of Object.keys(media)) sizes[field] = media[field].length;
  const videoSha = media.video ? crypto.createHash('sha256').update(media.video).digest('hex') : null;
  process.stdout.write(JSON.stringify({
    fetch_s: fetchS,
    body_bytes: res.body.length,
    media_bytes: sizes,
    video_sha256: videoSha,
    yt_errorcode: result.yt_errorcode === undefined ? null : result.yt_errorcode,
    baseline_rss_kib: baselineKib,
    self_maxrss_kib: process.resourceUsage().maxRSS,
  }) + '\n');
}

main().catch((err) => {
  process.stderr.write('node_client: ' + (err && err.message ? err.message : String(err)) + '\n');
  process.exit(1);
});
