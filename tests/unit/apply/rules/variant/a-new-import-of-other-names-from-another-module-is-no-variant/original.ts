import 'reflect-metadata';
import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable()
export class Api {
  constructor(private http: HttpClient) {}

  get(url: string) {
    return this.http.get(url);
  }
}
