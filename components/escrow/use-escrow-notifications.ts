"use client";
import { useEffect, useRef, useState } from "react";
import type { EscrowAlertDto } from "@/lib/deploy/api-client";

const OPT_IN_KEY = "akash-console:escrow-notifications";

/**
 * Browser notifications (opt-in, while the console is open) when a deployment's escrow falls under a day and again
 * under an hour: one per deployment and level. Nothing leaves the browser; no email, no server-held key.
 */
export function useEscrowNotifications(alerts: readonly EscrowAlertDto[]) {
  const supported = typeof window !== "undefined" && "Notification" in window;
  const [enabled, setEnabled] = useState(false);
  const told = useRef(new Set<string>());

  useEffect(() => {
    if (supported) setEnabled(window.localStorage.getItem(OPT_IN_KEY) === "1" && Notification.permission === "granted");
  }, [supported]);

  useEffect(() => {
    if (!enabled) return;
    for (const a of alerts) {
      const key = `${a.dseq}:${a.escrow.level}`;
      if (told.current.has(key)) continue;
      told.current.add(key);
      new Notification(a.escrow.level === "critical" ? "Escrow runs out within the hour" : "Escrow runs out within a day", {
        body: `Deployment ${a.dseq}: top up, or its leases close when the escrow is empty.`,
        tag: key,
      });
    }
  }, [alerts, enabled]);

  const enable = async () => {
    if (!supported) return;
    const permission = await Notification.requestPermission();
    window.localStorage.setItem(OPT_IN_KEY, permission === "granted" ? "1" : "0");
    setEnabled(permission === "granted");
  };
  const disable = () => {
    window.localStorage.setItem(OPT_IN_KEY, "0");
    setEnabled(false);
  };
  return { supported, enabled, enable, disable, denied: supported && Notification.permission === "denied" };
}
