export { setup as default } from "./policy-packs.global";
