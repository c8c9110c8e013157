export { runDeploy, type DeployIo } from "./run-deploy";
export { DEPLOY_USAGE } from "./deploy-usage";
