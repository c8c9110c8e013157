"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { useEffect, useState, type ReactNode } from "react";
import superjson from "superjson";
import { errorCode } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** A revoked or expired session: send the user to sign in again. */
function signInAgainWhenUnauthorized(error: unknown) {
  if (errorCode(error) === "UNAUTHORIZED" && window.location.pathname !== "/signin") {
    window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
  }
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: signInAgainWhenUnauthorized }),
        mutationCache: new MutationCache({ onError: signInAgainWhenUnauthorized }),
        defaultOptions: {
          queries: {
            staleTime: 2_000,
            refetchOnWindowFocus: false,
            // Client errors (not found, forbidden, …) will not fix themselves by retrying.
            retry: (failureCount, error) => {
              const code = errorCode(error);
              if (code && code !== "INTERNAL_SERVER_ERROR") return false;
              return failureCount < 2;
            },
          },
        },
      }),
  );
  // Marks the page interactive (effects run once the tree has hydrated): the
  // e2e specs wait for it before typing, or React would reset their input.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const [trpcClient] = useState(() =>
    trpc.createClient({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  );
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
