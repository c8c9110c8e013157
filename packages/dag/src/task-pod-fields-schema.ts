// The Kubernetes-facing fields of a task in a DAG file: resources (requests/limits) and tolerations.
import { isUnsignedQuantity } from "@updraft/domain/quantity";
import { z } from "zod";
import { DEFAULT_TASK_REQUEST } from "./quantity/default-task-request";
import { wholeNumber } from "./schema-building-blocks";

const TOLERATION_OPERATORS = ["Exists", "Equal"] as const;
const TOLERATION_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;

const quantity = (kind: "CPU" | "memory", example: string) => {
  const message = `expected a Kubernetes ${kind} quantity like ${example}`;
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((value) => String(value))
    .refine((value) => isUnsignedQuantity(value), { error: message })
    .meta({ description: `Kubernetes ${kind} quantity, e.g. ${example}` });
};

const resourceQuantitiesSchema = z.strictObject(
  {
    cpu: quantity("CPU", `"500m" or "2"`).optional(),
    memory: quantity("memory", `"512Mi" or "4Gi"`).optional(),
    gpu: wholeNumber(0, "expected a whole number of GPUs (0 or more)")
      .meta({ description: "Whole GPUs (nvidia.com/gpu)" })
      .optional(),
  },
  { error: "expected a mapping with cpu, memory and/or gpu" },
);

export const resourcesSchema = z
  .strictObject(
    {
      requests: resourceQuantitiesSchema
        .meta({
          description: `What the task is counted for against its tenant's quota (default: its limits, else ${DEFAULT_TASK_REQUEST.cpu} CPU / ${DEFAULT_TASK_REQUEST.memory} memory)`,
        })
        .optional(),
      limits: resourceQuantitiesSchema.meta({ description: "The most the task may use on Kubernetes" }).optional(),
    },
    { error: "expected a mapping with requests and/or limits" },
  )
  .meta({ description: "Kubernetes requests/limits; merged per quantity with default_args.resources" });

export const tolerationSchema = z.strictObject(
  {
    key: z.string({ error: "expected a taint key string" }).meta({ description: "Taint key; left out with Exists, every taint" }).optional(),
    operator: z
      .enum(TOLERATION_OPERATORS, { error: `expected one of ${TOLERATION_OPERATORS.join(", ")}` })
      .meta({ description: "Kubernetes' default is Equal" })
      .optional(),
    value: z.string({ error: "expected a string" }).meta({ description: "Taint value, with Equal" }).optional(),
    effect: z
      .enum(TOLERATION_EFFECTS, { error: `expected one of ${TOLERATION_EFFECTS.join(", ")}` })
      .meta({ description: "Taint effect tolerated; left out, every effect" })
      .optional(),
    tolerationSeconds: wholeNumber(0, "expected a whole number of seconds (0 or more)")
      .meta({ description: "How long a NoExecute taint is tolerated" })
      .optional(),
  },
  { error: "expected a toleration mapping like { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }" },
);
