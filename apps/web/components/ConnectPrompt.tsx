"use client";
import { useConnectModal } from "@rainbow-me/rainbowkit";

/** A plain button opening RainbowKit's connect modal (no hidden focusable placeholder before mount). */
export function ConnectPrompt({ label = "Connect wallet" }: { label?: string }) {
  const { openConnectModal } = useConnectModal();
  return (
    <button type="button" className="btn-primary" onClick={() => openConnectModal?.()} disabled={!openConnectModal}>
      {label}
    </button>
  );
}
