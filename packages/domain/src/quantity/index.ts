export {
  compareQuantities,
  isUnsignedQuantity,
  parseQuantity,
  quantitiesEqual,
  tryParseQuantity,
  type ParsedQuantity,
  type QuantityFormat,
} from "./parse-kube-quantity";
export { canonicalQuantity, formatQuantity } from "./format-kube-quantity";
