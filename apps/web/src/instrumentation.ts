/**
 * Runs once when the server starts. On the Node.js runtime the web app
 * refuses to start without a valid UPDRAFT_SECRET_KEY: it could neither
 * store nor read tenant secrets and connection passwords. (The check sits
 * inside the NEXT_RUNTIME test, the pattern Next.js documents, so the edge
 * bundle leaves the Node-only modules out.)
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getSecretKeyring } = await import("./server/secret-keyring");
    try {
      getSecretKeyring();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Updraft's web app cannot start: ${reason}\n` +
          "Set UPDRAFT_SECRET_KEY to the key that encrypts this installation's secrets (`updraft start` passes it on; " +
          "a new installation can generate one with `openssl rand -base64 32`).",
      );
    }
  }
}
