import { z } from "zod";
import { ROLES_BY_RANK } from "@updraft/domain/roles";

export const roleSchema = z.enum(ROLES_BY_RANK, `role is one of ${ROLES_BY_RANK.join(", ")}`);
export const userIdSchema = z.guid("Member ids are UUIDs (the member's user id)");
