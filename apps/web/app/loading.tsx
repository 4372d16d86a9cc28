import { SkeletonRows } from "~/components/ui";

export default function Loading() {
  return (
    <div className="space-y-4">
      <div className="skeleton h-8 w-64" />
      <SkeletonRows rows={6} />
    </div>
  );
}
