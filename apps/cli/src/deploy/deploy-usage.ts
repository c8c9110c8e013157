export const DEPLOY_USAGE = `Usage: updraft deploy <dir> --tenant <slug> [--url <url>] [--token <token>]

Uploads every *.yaml, *.yml and *.json file in <dir> (not its subfolders) to the
tenant in one deploy: each file is validated like an upload in the web app, and
if any file is rejected nothing is stored. Prints one line per file.

Options:
  --tenant <slug>   the tenant to deploy to (as in /t/<slug> in the web app)
  --url <url>       the Updraft web app (default: UPDRAFT_URL, else http://localhost:3000)
  --token <token>   an API token with the AUTHOR role or higher (default: UPDRAFT_TOKEN);
                    create one on the tenant's API tokens page

Exit codes: 0 deployed, 1 a file was rejected (nothing was stored), 2 bad usage,
authentication or network error.
`;
