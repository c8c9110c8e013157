export {
  linkOAuthAccount,
  type LinkOAuthAccountInput,
  type LinkOAuthAccountResult,
  type LinkedUser,
} from "./link-oauth-account";
