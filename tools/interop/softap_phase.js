// Times Particle's softap-setup-js through the SoftAP phase of a setup, for
// bench/bench_softap_vs_particle.py: device-id, public-key, set, scan-ap, configure-ap, connect-ap.
// Usage: node softap_phase.js HOST PORT tcp|http SSID PASSWORD CLAIM_CODE
// Prints {"ms": <milliseconds from creating the client to the connect-ap answer>}.
'use strict';
const SoftAPSetup = require('@particle/softap-setup');

const [host, port, protocol, ssid, password, claimCode] = process.argv.slice(2);
const call = (sap, method, ...args) => new Promise((resolve, reject) =>
  sap[method](...args, (err, dat) => (err ? reject(err) : resolve(dat))));

async function main() {
  const started = process.hrtime.bigint();
  const sap = new SoftAPSetup({ host, port: Number(port), protocol, timeout: 8000 });
  await call(sap, 'deviceInfo');
  await call(sap, 'publicKey');
  await call(sap, 'setClaimCode', claimCode);
  const seen = (await call(sap, 'scan')).find((n) => n.ssid === ssid);
  if (!seen) throw new Error(`${ssid} is not in the scan`);
  await call(sap, 'configure', { ssid, security: seen.sec, password, channel: seen.ch });
  await call(sap, 'connect');
  console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - started) / 1e6 }));
}
main().catch((e) => { console.error('softap_phase failed:', e.message || e); process.exit(1); });
