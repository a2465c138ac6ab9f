// A CommonJS user on Node 20.19+ loads the ESM package through require().
const name = process.argv[2];
const mod = require(`@patchwise/${name}`);
const factory = Object.keys(mod).find((key) => /^create\w+Client$/.test(key));
if (!factory || typeof mod[factory] !== "function") {
  console.error(`require("@patchwise/${name}") gave no client factory: ${Object.keys(mod).join(", ")}`);
  process.exit(1);
}
