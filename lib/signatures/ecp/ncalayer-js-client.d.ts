declare module "ncalayer-js-client" {
  export class NCALayerError extends Error {
    readonly canceledByUser: boolean;
  }
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    connect(): Promise<string>;
    basicsSignCMS(
      allowedStorages: string[] | null,
      data: string | ArrayBuffer | Blob | File,
      signingParams: Record<string, unknown>,
      signerParams: Record<string, unknown>,
      locale?: string,
    ): Promise<string>;
    static readonly basicsStorageAll: string[] | null;
    static readonly basicsCMSParamsDetached: Record<string, unknown>;
    static readonly basicsSignerSignAny: Record<string, unknown>;
  }
}
