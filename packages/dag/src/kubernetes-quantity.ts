/**
 * Kubernetes resource quantity without sign: "500m", "2", "0.5", "1Gi", "512Mi", "1e3".
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
const QUANTITY = /^(?:\d+(?:\.\d*)?|\.\d+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

export function isKubernetesQuantity(text: string): boolean {
  return QUANTITY.test(text);
}
