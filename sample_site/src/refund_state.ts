// The refund state badge of the order page: payments-refund-automation:FR-3.
export type RefundState = "pending" | "succeeded" | "failed";

export function stateLabel(state: RefundState): string {
  return { pending: "Refund pending", succeeded: "Refunded", failed: "Refund failed" }[state];
}
