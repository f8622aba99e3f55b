import { DeploymentList } from "@/components/deploy/deployment-list";

export const metadata = { title: "Deployments · Akash Tenant Console" };

export default function DeploymentsPage() {
  return (
    <div className="mx-auto w-full max-w-5xl p-6">
      <h1 className="text-xl font-semibold">Deployments</h1>
      <DeploymentList />
    </div>
  );
}
