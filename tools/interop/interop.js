// Drives the simulator with Particle's own clients: particle-api-js (cloud) and softap-setup-js (device).
// Usage: node interop.js READY_JSON_FILE DEVICE_INDEX tcp|http
'use strict';
const fs = require('fs');
const Particle = require('particle-api-js');
const SoftAPSetup = require('@particle/softap-setup');

const ready = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const index = Number(process.argv[3] || 0);
const protocol = process.argv[4] || 'tcp';
const log = (...a) => console.log(...a);
const call = (sap, method, ...args) => new Promise((resolve, reject) =>
  sap[method](...args, (err, dat) => (err ? reject(err) : resolve(dat))));

async function main() {
  const c = ready.cloud;
  const dev = ready.devices[index];
  const wifi = ready.wifi.find((w) => w.security !== 'open' && /^[\x20-\x7e]+$/.test(w.ssid));
  const api = new Particle({ baseUrl: c.url });
  const product = new Particle({ baseUrl: c.url, clientId: c.client.id, clientSecret: c.client.secret });

  // 1. Sign in (default particle-api client), and be refused with a wrong password.
  try {
    await api.login({ username: c.developer.username, password: 'wrong password' });
    throw new Error('wrong password accepted');
  } catch (e) {
    log('wrong password refused:', e.statusCode, e.body && e.body.error);
    if (e.statusCode !== 400) throw e;
  }
  const dev_login = await api.login({ username: c.developer.username, password: c.developer.password });
  log('developer signed in:', dev_login.statusCode, Boolean(dev_login.body.access_token));

  // 2. Create a customer with the product client, then a claim code with the customer token.
  const email = `interop-${protocol}-${index}-${process.pid}@example.com`;
  const cust = await product.createCustomer({ email, password: 'customer-pass-1', product: c.product.id });
  log('customer created:', cust.statusCode);
  const auth = cust.body.access_token;
  const claim = await api.getClaimCode({ product: c.product.id, auth });
  log('claim code:', claim.statusCode, claim.body.claim_code.length, 'chars');

  // 3. SoftAP setup with softap-setup-js.
  const [host, port] = protocol === 'tcp' ? dev.tcp.split(':') : new URL(dev.http).host.split(':');
  const sap = new SoftAPSetup({ host, port: Number(port), protocol, timeout: 8000 });
  const info = await call(sap, 'deviceInfo');
  log('device-id:', info.id, 'claimed:', info.claimed);
  await call(sap, 'publicKey');
  log('public key: loaded');
  await call(sap, 'setClaimCode', claim.body.claim_code);
  const scan = await call(sap, 'scan');
  log('scan:', scan.length, 'networks');
  const seen = scan.find((n) => n.ssid === wifi.ssid);
  await call(sap, 'configure', { ssid: wifi.ssid, security: seen ? seen.sec : wifi.security,
    password: wifi.password, channel: seen ? seen.ch : wifi.channel });
  log('configure-ap: ok for', wifi.ssid);
  try { await call(sap, 'connect'); log('connect-ap: ok'); }
  catch (e) { log('connect-ap: no reply (allowed):', e.message); }

  // 4. The customer's device list shows the device, online.
  const id = info.id.toLowerCase();
  for (let i = 0; i < 200; i++) {
    const list = await api.listDevices({ auth });
    const d = list.body.find((x) => x.id === id);
    if (d && (d.online || d.connected)) { log('device listed for customer, online:', d.id, d.name); return; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('device never listed online for the customer');
}
main().then(() => log('INTEROP OK'), (e) => { console.error('INTEROP FAILED', e.statusCode || '', e.body || e); process.exit(1); });
