export { runRotateSecretKey, type RotateDeps } from "./run-rotate-secret-key";
export { ROTATION_USAGE } from "./rotation-usage";
