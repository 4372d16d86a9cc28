"use client";
import { useEffect } from "react";

import { onIndexed } from "~/services/indexer";

/** Refetches an Apollo query whenever a transaction (or the dev clock) has been indexed. */
export function useRefetchOnIndexed(refetch: () => unknown): void {
  useEffect(() => onIndexed(refetch), [refetch]);
}
