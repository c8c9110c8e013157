export { recordUsageSamples, type UsageReadingInput } from "./record-usage-samples";
