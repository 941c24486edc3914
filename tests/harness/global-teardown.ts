export { teardown as default } from "./policy-packs.global";
