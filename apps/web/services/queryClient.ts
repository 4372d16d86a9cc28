import { QueryClient } from "@tanstack/react-query";

/** One TanStack Query cache for the whole page, shared by every wallet island. */
export const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 2_000 } } });
