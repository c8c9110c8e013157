import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** Server-side session row id (revocable). */
    sid: string;
    user: { id: string; email: string; isPlatformAdmin: boolean } & Omit<DefaultSession["user"], "email">;
  }

  interface User {
    id: string;
    email: string;
    isPlatformAdmin: boolean;
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    uid?: string;
  }
}
