import { z } from "zod";

export const roleSchema = z.enum(["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"], "role is one of OWNER, ADMIN, AUTHOR, OPERATOR, VIEWER");
export const userIdSchema = z.guid("Member ids are UUIDs (the member's user id)");
