"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { draftsApi, type DraftDto } from "@/lib/drafts/api-client";
import type { AppError } from "@/lib/errors/app-error";
import { draftQueries } from "@/lib/query/drafts";

/**
 * The writes on drafts. Each invalidates every draft query by the prefix and refreshes the server components
 * (the /drafts pages render the list on the server from the session's drafts).
 */
function useInvalidateDrafts() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: draftQueries.all() });
    router.refresh();
  };
}

/** Creates the draft when it has no id yet, else saves what changed (the autosave's one write). */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation<DraftDto, AppError, { id: null; name: string; content: string } | { id: string; name?: string; content?: string }>({
    mutationFn: ({ id, ...fields }) => (id ? draftsApi.update(id, fields) : draftsApi.create({ name: fields.name ?? "", content: fields.content ?? "" })),
    // no router.refresh() here: the editor saves every few seconds and its page needs no new server render
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftQueries.all() }),
  });
}

export function useRenameDraft() {
  const invalidate = useInvalidateDrafts();
  return useMutation<DraftDto, AppError, { id: string; name: string }>({
    mutationFn: ({ id, name }) => draftsApi.update(id, { name }),
    onSuccess: invalidate,
  });
}

export function useDeleteDraft() {
  const invalidate = useInvalidateDrafts();
  return useMutation<unknown, AppError, { id: string }>({
    mutationFn: ({ id }) => draftsApi.remove(id),
    onSuccess: invalidate,
  });
}

/**
 * Restores a saved version: reads its text and hands it to the editor, whose autosave then saves it as the
 * current text (and keeps the text it replaces as a version). The version is read through the cache.
 */
export function useRestoreDraftVersion(draftId: string, onRestore: (content: string) => void) {
  const queryClient = useQueryClient();
  return useMutation<string, AppError, { versionId: string }>({
    mutationFn: async ({ versionId }) => (await queryClient.fetchQuery(draftQueries.version(draftId, versionId))).content,
    onSuccess: onRestore,
  });
}
