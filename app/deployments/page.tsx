import { DeploymentsBrowser } from "@/components/deployments/deployments-browser";

export const metadata = { title: "Deployments · Akash Tenant Console" };

export default function DeploymentsPage() {
  return (
    <div className="mx-auto w-full max-w-6xl p-6">
      <h1 className="text-xl font-semibold">Deployments</h1>
      <DeploymentsBrowser />
    </div>
  );
}
