"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { draftsApi } from "@/lib/drafts/api-client";
import { useSaveDraft } from "./use-draft-mutations";
import { isAppError } from "@/lib/errors/app-error";
import { backupKey, type BackupOwner, clearBackup, writeBackup } from "@/lib/drafts/local-backup";
import { useBackupOwner } from "./use-backup-owner";

export type SaveStatus =
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

interface Options {
  draftId: string | null;
  content: string;
  name: string;
  /** What was loaded; a new draft is created only once the tenant changes something. */
  initialContent: string;
  onCreated(id: string): void;
}

const DEBOUNCE_MS = 800;
const RETRY_MS = 5_000;

/**
 * Saves the draft a moment after the last keystroke. One save at a time; edits made during a save are saved
 * right after it. Every change is first copied to localStorage, and the copy is dropped only once the server has it.
 */
export function useDraftAutosave({ draftId, content, name, initialContent, onCreated }: Options) {
  const [status, setStatus] = useState<SaveStatus>(draftId ? { kind: "saved", at: new Date() } : { kind: "unsaved" });
  const latest = useRef({ draftId, content, name, owner: null as BackupOwner | null });
  const saved = useRef(draftId ? { content: initialContent, name } : null as { content: string; name: string } | null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { mutateAsync: saveDraft } = useSaveDraft();
  const owner = useBackupOwner();
  latest.current = { draftId: latest.current.draftId ?? draftId, content, name, owner };

  const isDirty = () => {
    const { content: c, name: n } = latest.current;
    if (!saved.current) return c !== initialContent;
    return c !== saved.current.content || n !== saved.current.name;
  };

  /** `force`: create the draft even when nothing changed (the review step needs one to read from). */
  const needsSave = (force: boolean) => isDirty() || (force && !latest.current.draftId);

  const save = useCallback(async (force = false) => {
    if (inFlight.current || !needsSave(force)) return;
    inFlight.current = true;
    const snapshot = { ...latest.current };
    setStatus({ kind: "saving" });
    try {
      if (!snapshot.draftId) {
        const created = await saveDraft({ id: null, name: snapshot.name, content: snapshot.content });
        latest.current.draftId = created.id;
        if (snapshot.owner) clearBackup(backupKey(snapshot.owner, null));
        onCreated(created.id);
      } else {
        const patch: { content?: string; name?: string } = {};
        if (snapshot.content !== saved.current?.content) patch.content = snapshot.content;
        if (snapshot.name !== saved.current?.name) patch.name = snapshot.name;
        await saveDraft({ id: snapshot.draftId, ...patch });
      }
      saved.current = { content: snapshot.content, name: snapshot.name };
      if (!isDirty() && latest.current.owner) clearBackup(backupKey(latest.current.owner, latest.current.draftId));
      setStatus({ kind: "saved", at: new Date() });
    } catch (err) {
      const message = isAppError(err) ? err.message : "Saving failed.";
      setStatus({ kind: "error", message: `${message} Your text is kept in this browser; retrying.` });
      timer.current = setTimeout(() => void save(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
    if (isDirty()) timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onCreated, saveDraft]);

  useEffect(() => {
    if (!isDirty()) return;
    // while the session is still unknown the copy waits: this effect runs again once the owner is known
    if (owner) writeBackup(backupKey(owner, latest.current.draftId), { content, name, savedAt: Date.now() });
    setStatus((s) => (s.kind === "saving" || s.kind === "error" ? s : { kind: "unsaved" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content, name, owner, save]);

  // Closing the tab inside the debounce window: send what is there with keepalive (the backup covers a failure).
  useEffect(() => {
    const flush = () => {
      const { draftId: id, content: c, name: n } = latest.current;
      if (!id || !isDirty()) return;
      draftsApi.updateOnUnload(id, { content: c, name: n });
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /**
   * Saves now and resolves with the draft's id once the server has exactly the text on screen (creating the draft if
   * there is none yet); throws after ~10 s. The one way to get a saved draft, so a click never races the autosave.
   */
  const saveNow = useCallback(async (): Promise<string> => {
    clearTimeout(timer.current);
    for (let i = 0; i < 100 && (inFlight.current || needsSave(true)); i++) {
      if (inFlight.current) await new Promise((r) => setTimeout(r, 100));
      else await save(true);
    }
    const id = latest.current.draftId;
    if (!id || isDirty()) throw new Error("The draft could not be saved yet; your text is kept in this browser. Try again in a moment.");
    return id;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [save]);

  return { status, saveNow };
}
