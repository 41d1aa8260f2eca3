export function register(app: App): void {
  app.use(cors());
  app.use(json());
  app.listen(3000);
}

export function shutdown(app: App): void {
  app.close();
}
