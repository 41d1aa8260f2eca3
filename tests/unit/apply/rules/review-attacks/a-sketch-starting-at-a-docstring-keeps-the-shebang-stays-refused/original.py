#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
Sync tool.
"""
import os


def main():
    print(os.getcwd())
