export { CabinetLoading as default } from "@/components/layout/cabinet-loading";
