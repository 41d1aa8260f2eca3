from .version import __version__
from .mod_a import a_load, a_save, a_open, a_close, a_read
from .mod_b import b_load, b_save, b_open, b_close, b_read
from .mod_c import c_load, c_save, c_open, c_close, c_read
from .mod_d import d_load, d_save, d_open, d_close, d_read
from .mod_e import e_load, e_save, e_open, e_close, e_read
from .mod_f import f_load, f_save, f_open, f_close, f_read
from .mod_g import g_load, g_save, g_open, g_close, g_read
from .mod_h import h_load, h_save, h_open, h_close, h_read
from .mod_i import i_load, i_save, i_open, i_close, i_read
from .mod_j import j_load, j_save, j_open, j_close, j_read
from .mod_k import k_load, k_save, k_open, k_close, k_read
from .mod_l import l_load, l_save, l_open, l_close, l_read
from .mod_m import m_load, m_save, m_open, m_close, m_read
from .mod_n import n_load, n_save, n_open, n_close, n_read
from .mod_o import o_load, o_save, o_open, o_close, o_read
from .mod_p import p_load, p_save, p_open, p_close, p_read


def main():
    return 0
