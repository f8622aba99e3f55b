import { TemplateGallery } from "@/components/templates/template-gallery";

export const metadata = { title: "Templates · Akash Tenant Console" };

export default function TemplatesPage() {
  return (
    <div className="mx-auto w-full max-w-5xl p-6">
      <h1 className="text-xl font-semibold">Start from a template</h1>
      <p className="mt-1 text-sm text-neutral-600">Real SDLs from the Akash template collection. Opening one starts a new draft; nothing is deployed until you sign.</p>
      <TemplateGallery />
    </div>
  );
}
