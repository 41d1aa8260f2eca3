import { Observable } from 'rxjs';
// ... existing imports ...

@Injectable()
export class Api {
  constructor(private http: HttpClient) {}

  get<T>(url: string): Observable<T> {
    return this.http.get<T>(url);
  }
}
