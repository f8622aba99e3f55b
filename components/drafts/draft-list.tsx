"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { useDeleteDraft, useRenameDraft } from "./use-draft-mutations";

interface Row {
  id: string;
  name: string;
  updatedAt: string;
  size: number;
}

export function DraftList({ drafts }: { drafts: Row[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const rename = useRenameDraft();
  const remove = useDeleteDraft();
  const error = rename.error ?? remove.error;

  if (drafts.length === 0) {
    return <p className="mt-6 text-neutral-600">No drafts yet. Start from a <Link className="underline" href="/templates">template</Link> or a <Link className="underline" href="/new">blank SDL</Link>; the editor saves as you type.</p>;
  }

  return (
    <>
      {error && <ErrorMessage error={error} className="mt-4 rounded px-3 py-2" />}
      <table className="mt-4 w-full text-left text-sm">
        <thead className="text-neutral-500">
          <tr>
            <th scope="col" className="py-2">Name</th>
            <th scope="col">Last saved</th>
            <th scope="col">Size</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d) => (
            <tr key={d.id} className="border-t border-neutral-200">
              <td className="py-2">
                {editing === d.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      const name = String(new FormData(e.currentTarget).get("name") ?? "");
                      remove.reset();
                      rename.mutate({ id: d.id, name }, { onSuccess: () => setEditing(null) });
                    }}
                  >
                    <Input name="name" defaultValue={d.name} aria-label={`New name for ${d.name}`} autoFocus className="py-0.5" />
                    <Button type="submit" variant="link" className="ml-2">Save</Button>
                    <Button variant="link" className="ml-2" onClick={() => setEditing(null)}>Cancel</Button>
                  </form>
                ) : (
                  <Link href={`/drafts/${d.id}`} className="font-medium hover:underline">{d.name}</Link>
                )}
              </td>
              <td>{new Date(d.updatedAt).toLocaleString()}</td>
              <td>{d.size.toLocaleString()} chars</td>
              <td className="space-x-3 text-right">
                <Button variant="link" aria-label={`Rename ${d.name}`} onClick={() => setEditing(d.id)}>Rename</Button>
                <Button variant="link" className="text-red-700" aria-label={`Delete ${d.name}`} onClick={() => setDeleting(d)}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} title={`Delete the draft “${deleting?.name ?? ""}”?`} description="Its history goes with it. This cannot be undone.">
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setDeleting(null)}>Cancel</Button>
          <Button
            variant="danger"
            onClick={() => {
              if (!deleting) return;
              rename.reset();
              remove.mutate({ id: deleting.id });
              setDeleting(null);
            }}
          >
            Delete draft
          </Button>
        </div>
      </Dialog>
    </>
  );
}
