export { generateApiToken, hashApiToken, API_TOKEN_PATTERN, API_TOKEN_PREFIX_LENGTH } from "./api-token-format";
export {
  verifyApiToken,
  INVALID_API_TOKEN_MESSAGE,
  type VerifiedApiToken,
  type VerifyApiTokenResult,
} from "./verify-api-token";
export { type ApiTokenView } from "./api-token-view";
export { createApiToken, MAX_API_TOKEN_DAYS, type CreatedApiToken } from "./create-api-token";
export { listApiTokens } from "./list-api-tokens";
export { revokeApiToken } from "./revoke-api-token";
