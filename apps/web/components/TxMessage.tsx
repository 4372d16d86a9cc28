/** The outcome line of a form's last transaction. */
export function TxMessage({ message, testId }: { message: { ok: boolean; text: string } | null; testId?: string }) {
  if (message === null) return null;
  return (
    <p
      role={message.ok ? "status" : "alert"}
      className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
      data-testid={testId}
    >
      {message.text}
    </p>
  );
}
